-- Input rows a load refused: the raw row, where it was and why. Append-only.
CREATE TABLE IF NOT EXISTS rejects
(
    workspace_id LowCardinality(String),
    run_id       String,
    source       LowCardinality(String),
    file         String,
    line         UInt64,
    reason       String,
    raw          String CODEC(ZSTD(3)),
    rejected_at  DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(rejected_at)
ORDER BY (workspace_id, rejected_at, run_id, file, line);
