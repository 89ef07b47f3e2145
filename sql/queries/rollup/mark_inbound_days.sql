-- Makes {generation} the current build of the given days (rollup/build_inbound_daily.sql), built
-- with the calendar {built_with} (rollup/inbound_coverage.sql's).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'inbound_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
