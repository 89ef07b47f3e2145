-- Per customer and model run: the calibration summary and what the model predicts from it.
-- Append-only per run; readers take the workspace's latest run.
CREATE TABLE IF NOT EXISTS customer_value
(
    workspace_id       LowCardinality(String),
    run_id             String,
    customer_id        String,
    segment            LowCardinality(String),
    frequency          UInt32,
    recency_days       Float64,
    t_days             Float64,
    monetary_mean      Float64,
    p_alive            Float64,
    expected_purchases Float64,
    expected_avg_value Float64,
    predicted_clv      Float64,
    historical_value   Float64,
    computed_at        DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (workspace_id, run_id, customer_id);
