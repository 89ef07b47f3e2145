-- Makes {generation} the current build of the given days of customer_service_daily (migration 0023).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'customer_service_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
