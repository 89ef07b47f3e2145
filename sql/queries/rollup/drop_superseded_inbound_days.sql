-- Deletes the builds of the given days older than {generation}, now that it is current
-- (readers already skip them: rollup/inbound_rows_fragment.sql takes each day's latest).
DELETE FROM inbound_daily
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
