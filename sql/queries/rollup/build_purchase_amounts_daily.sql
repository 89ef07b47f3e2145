-- The rollup pass for service effects' purchases: rebuilds the given days of a workspace's
-- purchase_amounts_daily rollup (migration 0033), its customers' purchases with the log of the
-- amount, under a new {generation}; rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones. What value/service_effects.sql reads of
-- each purchase from the rows.
INSERT INTO purchase_amounts_daily (workspace_id, day, customer_key, segment, occurred_at, log_amount, generation)
SELECT
    t.workspace_id AS workspace_id,
    toDate(t.occurred_at, 'UTC') AS day,
    cityHash64(t.customer_id) AS customer_key,
    -- '' without a customer row: as the rows' segment filter sees it.
    c.segment AS segment,
    t.occurred_at AS occurred_at,
    ln(toFloat64(t.amount)) AS log_amount,
    {generation:UInt64} AS generation
FROM transactions AS t FINAL
LEFT JOIN
(
    SELECT customer_id, segment
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
) AS c ON c.customer_id = t.customer_id
WHERE t.workspace_id = {workspace_id:String}
  AND t.occurred_at >= toDateTime64({first_day:Date}, 3, 'UTC')
  AND t.occurred_at < toDateTime64(addDays({last_day:Date}, 1), 3, 'UTC')
  AND toDate(t.occurred_at, 'UTC') IN {days:Array(Date)}
  AND t.kind = 'purchase'
  AND t.amount > 0
