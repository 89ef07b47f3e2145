-- Overview customer KPIs over one period: active customers (a customer with an inbound message or
-- a transaction in the period) and historical value (sum of transaction amounts, refunds
-- subtracted). Whole days come from the inbound and transactions rollups, the rest from the rows
-- (rollup/inbound_rows_fragment.sql, rollup/transaction_rows_fragment.sql); customers are counted
-- once over both, by the 64-bit hash of their id (migration 0019).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    uniqExactArray(customer_keys) AS active_customers,
    sum(amount) AS historical_value
FROM
(
    SELECT customer_keys, toDecimal128(0, 4) AS amount
    FROM /*include:rollup/inbound_rows_fragment*/
    UNION ALL
    SELECT customer_keys, amount
    FROM /*include:rollup/transaction_rows_fragment*/
)
