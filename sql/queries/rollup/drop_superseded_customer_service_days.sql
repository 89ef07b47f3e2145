-- Deletes the builds of the given days of customer_service_daily older than {generation}, now current.
DELETE FROM customer_service_daily
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
