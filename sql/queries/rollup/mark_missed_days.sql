-- Makes {generation} the current build of the given days of missed_daily (migration 0024).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'missed_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
