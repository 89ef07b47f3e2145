-- One fitted CLV model per workspace × segment and run. Append-only: a run is never edited.
CREATE TABLE IF NOT EXISTS model_runs
(
    workspace_id     LowCardinality(String),
    run_id           String,
    segment          LowCardinality(String),
    model            LowCardinality(String),
    parameters       Map(String, Float64),
    standard_errors  Map(String, Float64),
    log_likelihood   Float64,
    customers        UInt32,
    -- True when the segment was too small to fit and uses the workspace-wide fit.
    pooled           Bool,
    calibration_end  DateTime64(3, 'UTC'),
    horizon_months   UInt16,
    monthly_discount Float64,
    data_from        DateTime64(3, 'UTC'),
    data_to          DateTime64(3, 'UTC'),
    fitted_at        DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    note             String
)
ENGINE = MergeTree
ORDER BY (workspace_id, fitted_at, run_id, segment);
