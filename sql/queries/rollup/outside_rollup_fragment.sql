-- The period's inbound messages `i` that a day rollup does not hold: its partial and recent days,
-- or every day when {use_rollup} is false (sql/src/inbound-rollup.ts decides which whole days the
-- rollup serves: {rollup_from} to {rollup_to}, exclusive). Two ranges of the sorting key, so only
-- their granules are read. Not a query on its own: a condition over `interactions AS i`.
i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  AND (NOT {use_rollup:Bool}
       OR i.created_at < toDateTime64({rollup_from:Date}, 3, 'UTC')
       OR i.created_at >= toDateTime64({rollup_to:Date}, 3, 'UTC'))
