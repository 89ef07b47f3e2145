-- The rollup pass for purchase days: rebuilds the given days of a workspace's
-- customer_purchase_daily rollup (migration 0026) from its transactions under a new {generation};
-- rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones. Refunds are not
-- purchases (value/cohorts_fragment.sql).
INSERT INTO customer_purchase_daily (workspace_id, customer_id, day, generation)
SELECT
    t.workspace_id AS workspace_id,
    t.customer_id AS customer_id,
    toDate(t.occurred_at, 'UTC') AS day,
    {generation:UInt64} AS generation
FROM transactions AS t FINAL
WHERE t.workspace_id = {workspace_id:String}
  AND t.kind != 'refund'
  AND t.customer_id != ''
  AND t.occurred_at >= toDateTime64({first_day:Date}, 3, 'UTC')
  AND t.occurred_at < toDateTime64(addDays({last_day:Date}, 1), 3, 'UTC')
  AND toDate(t.occurred_at, 'UTC') IN {days:Array(Date)}
GROUP BY workspace_id, customer_id, day
