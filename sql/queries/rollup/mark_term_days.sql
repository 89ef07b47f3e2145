-- Makes {generation} the current build of the given days of term_daily (migration 0020).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'term_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
