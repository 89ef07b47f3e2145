-- Deletes the builds of the given days of inbound_hourly older than {generation}, now current.
DELETE FROM inbound_hourly
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
