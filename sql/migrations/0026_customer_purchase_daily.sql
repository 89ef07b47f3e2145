-- The days each customer purchased, from a rollup: one row per customer × UTC day with a purchase
-- (refunds are not purchases). Cohort retention and its customer list (value/cohorts_fragment.sql)
-- need every customer's purchase months up to the period's end, over the whole history: from
-- transactions, with FINAL, that was 200-250 ms of CPU per query at 620 k transactions and ten
-- times that at 6 M. Sorted by customer, so the months of each customer are read in order.
--
-- Built and read as transactions_daily is (migration 0019): whole days under a generation recorded
-- in rollup_days (rollup 'customer_purchase_daily'), by the load's rollup pass for the days of the
-- transactions it wrote, and at start for data loaded before this migration (refreshRollups in
-- pipelines/src/load/rollups.ts). The period's last, partial day is read from the rows.
CREATE TABLE IF NOT EXISTS customer_purchase_daily
(
    workspace_id LowCardinality(String),
    customer_id  String,
    day          Date,
    generation   UInt64
)
ENGINE = MergeTree
ORDER BY (workspace_id, customer_id, day);
