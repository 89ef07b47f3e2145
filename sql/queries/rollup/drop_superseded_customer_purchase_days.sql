-- Deletes the builds of the given days of customer_purchase_daily older than {generation}, now current.
DELETE FROM customer_purchase_daily
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
