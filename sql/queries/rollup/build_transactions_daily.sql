-- The rollup pass for transactions: rebuilds the given days of a workspace's transactions_daily
-- rollup (migration 0019) under a new {generation}; rollup/mark_days.sql then makes it
-- the days' current build and rollup/drop_superseded_days.sql deletes the older ones.
INSERT INTO transactions_daily (workspace_id, day, segment, amount, customer_keys, generation)
SELECT
    t.workspace_id AS workspace_id,
    toDate(t.occurred_at, 'UTC') AS day,
    -- '' without a customer (or a customer without a row).
    c.segment AS segment,
    /*include:rollup/transaction_measures_fragment*/,
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
GROUP BY workspace_id, day, segment
