-- The customers whose customer_cohorts rows (migration 0031) a rebuild of {days} replaces: every
-- customer with a transaction on one of the days, in any version (no FINAL: an older version's
-- customer is rebuilt too; a refund may have been a first purchase). Not a query on its own: the
-- body of an IN.
SELECT DISTINCT customer_id
FROM transactions
WHERE workspace_id = {workspace_id:String}
  AND customer_id != ''
  AND occurred_at >= toDateTime64({first_day:Date}, 3, 'UTC')
  AND occurred_at < toDateTime64(addDays({last_day:Date}, 1), 3, 'UTC')
  AND toDate(occurred_at, 'UTC') IN {days:Array(Date)}
