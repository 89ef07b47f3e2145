-- The rollup row `r` is of its day's current build (older builds are deleted after a rebuild, but
-- may still be there; a build not yet made current, or never, is there too): generation
-- {rollup_generation} for every day but those from {rollup_exceptions_from}, which take theirs,
-- one per day, from {rollup_exception_generations} (none: every day is {rollup_generation}).
-- Which is the window functions' call (sql/src/inbound-rollup.ts): one generation read for most
-- days costs about a third of a per-day lookup. Not a query on its own: a condition over `r`.
r.generation = if(notEmpty({rollup_exception_generations:Array(UInt64)})
                    AND r.day >= {rollup_exceptions_from:Date}
                    AND r.day < {rollup_exceptions_from:Date} + length({rollup_exception_generations:Array(UInt64)}),
                  {rollup_exception_generations:Array(UInt64)}[toUInt32(r.day) - toUInt32({rollup_exceptions_from:Date}) + 1],
                  {rollup_generation:UInt64})
