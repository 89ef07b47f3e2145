-- Purchases, invoices and refunds. Idempotent on the source's transaction id.
CREATE TABLE IF NOT EXISTS transactions
(
    workspace_id   LowCardinality(String),
    transaction_id String,
    customer_id    String,
    occurred_at    DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    kind           Enum8('purchase' = 1, 'refund' = 2, 'invoice' = 3),
    -- Money as a decimal: sums must equal the source to the cent.
    amount         Decimal(18, 4),
    currency       LowCardinality(String),
    source         LowCardinality(String),
    ingest_run_id  String,
    version        UInt64,
    INDEX idx_customer_id customer_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (workspace_id, occurred_at, transaction_id);
