-- One row per load; its status and counts are updated by inserting the row again with a higher
-- version. read = loaded + rejected always holds for a finished run.
CREATE TABLE IF NOT EXISTS ingest_runs
(
    workspace_id  LowCardinality(String),
    run_id        String,
    source        LowCardinality(String),
    files         Array(String),
    status        Enum8('running' = 1, 'succeeded' = 2, 'failed' = 3),
    started_at    DateTime64(3, 'UTC'),
    finished_at   Nullable(DateTime64(3, 'UTC')),
    rows_read     UInt64,
    rows_loaded   UInt64,
    rows_rejected UInt64,
    -- Loaded rows left without a sentiment score (text not in a language we score).
    rows_unscored UInt64,
    message       String,
    version       UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, started_at, run_id);
