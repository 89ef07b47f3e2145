-- Makes {generation} the current build of the given days of customer_purchase_daily (migration 0026).
INSERT INTO rollup_days (workspace_id, rollup, day, generation, built_with)
SELECT {workspace_id:String}, 'customer_purchase_daily', arrayJoin({days:Array(Date)}), {generation:UInt64}, {built_with:String}
