-- The BG/NBD part of a CLV run's predictions, once per segment × (frequency, recency, T): customers
-- who share the triple share P(alive) and expected purchases, so `resonance fit` writes these
-- rows and ClickHouse joins them to every customer (customer_value), instead of the client
-- sending one row per customer. Append-only per run, like customer_value.
CREATE TABLE IF NOT EXISTS clv_group_values
(
    workspace_id         LowCardinality(String),
    run_id               String,
    segment              LowCardinality(String),
    frequency            UInt32,
    recency_days         UInt32,
    t_days               UInt32,
    p_alive              Float64,
    expected_purchases   Float64,
    -- Expected purchases of each month of the horizon, discounted to the calibration end and summed.
    discounted_purchases Float64
)
ENGINE = MergeTree
ORDER BY (workspace_id, run_id, segment, frequency, recency_days, t_days);
