-- Makes a day rollup's new build current for the days it rebuilt: one row per day in rollup_days
-- with the build's {generation} and what it was built with ({built_with}: the calendar for
-- inbound_daily, the rollup's version for the others). {rollup} is the rollup's table name, as
-- rollup/rollup_days_coverage.sql reads it; readers then read each day at the generation named
-- here, so they see the old build or the new one, never a mix (pipelines/src/load/rollups.ts).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, {rollup:String}, arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
