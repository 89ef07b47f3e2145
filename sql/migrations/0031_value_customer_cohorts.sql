-- Each customer's first purchase day and purchase days, one row per customer (refunds are not
-- purchases), for cohort retention and its customer list (value/cohorts_fragment.sql). From
-- customer_purchase_daily (migration 0026) a cohort query grouped every customer's purchase days
-- (6 M rows at 10 M interactions) into months whatever the period: ~0.8 s of CPU even over 30 days.
-- Sorted by first purchase day, a query reads only the customers whose cohort starts in the period
-- (a 30-day period: one month's cohort, ~28 k of 1 M customers) and needs no GROUP BY over them.
-- Partitioned by nothing but the key's order: a table of ~30 MB per million customers, read by
-- ranges of first_day.
--
-- A first purchase depends on every day, so rows are per customer, not per day. The rollup pass of
-- customer_purchase_daily (pipelines/src/load/rollups.ts) rebuilds, from transactions, the rows of
-- every customer with a transaction on the days it rebuilds, under its generation, before it marks
-- those days built in rollup_days; a reader sees a row once its generation is marked (the latest
-- marked generation of customer_purchase_daily, rollup/cohorts_visible_fragment.sql). A customer's
-- older row is listed in customer_cohorts_superseded with the generation that replaces it, so the
-- mark swaps old rows for new in one insert, as the day rollups' generations do; the pass then
-- deletes the old rows and their entries (in steady state the list is empty). The table serves the
-- days customer_purchase_daily serves (customerPurchasesWindow, sql/src/inbound-rollup.ts); the
-- period's last partial day comes from the rows. Data loaded before this migration: the purchase
-- rollup's version (customer_purchase_daily 2) makes every day stale, so the pass at start
-- rebuilds them all, and every customer here.
CREATE TABLE IF NOT EXISTS customer_cohorts
(
    workspace_id LowCardinality(String),
    first_day    Date,
    customer_key UInt64,
    customer_id  String,
    -- Distinct UTC purchase days, ascending.
    days         Array(Date),
    generation   UInt64
)
ENGINE = MergeTree
ORDER BY (workspace_id, first_day, customer_key);

-- The customer_cohorts rows (customer_key, generation) that a rebuild under generation `at`
-- replaces: hidden from readers once `at` is marked, deleted by the same pass afterwards.
CREATE TABLE IF NOT EXISTS customer_cohorts_superseded
(
    workspace_id LowCardinality(String),
    customer_key UInt64,
    generation   UInt64,
    at           UInt64
)
ENGINE = MergeTree
ORDER BY (workspace_id, customer_key, generation);
