-- The purchases of customers (kind purchase, amount above 0), one row each with the log of the
-- amount, for serviceEffects (value/service_effects.sql): its buyers are the customers with two
-- purchases or more in the period, each with the times and log amounts of them, which it read from
-- `transactions` with FINAL (~2.6 M purchases a year at 10 M interactions, the hash of each
-- customer id computed when read): ~0.9 s of the query's ~2.5 s of CPU over 365 days, once its
-- contacts came from customer_contacts_daily (migration 0032).
--
-- Built and read as customer_contacts_daily is: whole UTC days under a generation recorded in
-- rollup_days (rollup 'purchase_amounts_daily'), by the load's rollup pass (which rebuilds the
-- days of the transactions a load writes, and of the customers it writes: the segment), and at
-- start for data loaded before this migration (refreshRollups in pipelines/src/load/rollups.ts).
-- The period's partial days come from `transactions`. Sorted by day, unlike 0032 (whose reader takes
-- every day): sorted by customer, a 30-day period read its whole year's partition, and the query's
-- CPU p50 rose by 7 % against the rows (bench large, ServiceEffects, two alternated pairs).
CREATE TABLE IF NOT EXISTS purchase_amounts_daily
(
    workspace_id LowCardinality(String),
    day          Date,
    -- cityHash64(customer_id), as value/service_effects.sql joins the contacts (migration 0028).
    customer_key UInt64,
    -- The customer's segment ('' without a customer row): the segments filter.
    segment      LowCardinality(String),
    occurred_at  DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    -- ln(amount): the regression's y.
    log_amount   Float64,
    generation   UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, customer_key);
