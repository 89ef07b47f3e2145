-- Makes {generation} the current build of the given days of public_posts_daily (migration 0025).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'public_posts_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
