-- A customer's value: historical value from the transactions (DESIGN.md: sum of amounts, a refund
-- always reduces it) and the latest model run's prediction (predicted CLV, P(alive), expected
-- purchases), NULL when the latest run has no row for the customer (no purchase before its
-- calibration end) or there is no run yet.
WITH (
    SELECT argMax(run_id, fitted_at)
    FROM model_runs
    WHERE workspace_id = {workspace_id:String}
) AS latest_run
SELECT
    t.transactions AS transactions,
    t.historical_value AS historical_value,
    v.run_id AS run_id,
    v.predicted_clv AS predicted_clv,
    v.p_alive AS p_alive,
    v.expected_purchases AS expected_purchases,
    v.computed_at AS computed_at
FROM
(
    SELECT
        count() AS transactions,
        sum(toDecimal128(if(kind = 'refund', -abs(amount), amount), 4)) AS historical_value
    FROM transactions FINAL
    WHERE workspace_id = {workspace_id:String}
      -- The customer's times and ids (customer_transactions, migration 0021: every version a
      -- row had), so the sorting key finds the rows; the current row is checked for the customer.
      AND occurred_at IN (
            SELECT occurred_at
            FROM customer_transactions
            WHERE workspace_id = {workspace_id:String}
              AND customer_id = {customer_id:String})
      AND transaction_id IN (
            SELECT transaction_id
            FROM customer_transactions
            WHERE workspace_id = {workspace_id:String}
              AND customer_id = {customer_id:String})
      AND customer_id = {customer_id:String}
) AS t
LEFT JOIN
(
    SELECT run_id, predicted_clv, p_alive, expected_purchases, computed_at
    FROM customer_value
    WHERE workspace_id = {workspace_id:String}
      AND run_id = latest_run
      AND customer_id = {customer_id:String}
    LIMIT 1
) AS v ON 1 = 1
SETTINGS join_use_nulls = 1
