-- One row per customer. Read by id (360° view, segment filters), so the key is the id rather
-- than a time; a reload of the same customer replaces it (ReplacingMergeTree on version).
CREATE TABLE IF NOT EXISTS customers
(
    workspace_id    LowCardinality(String),
    customer_id     String,
    name            String,
    email           String,
    segment         LowCardinality(String),
    lifecycle_stage LowCardinality(String),
    country         LowCardinality(String),
    first_seen_at   DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    attributes      Map(String, String),
    source          LowCardinality(String),
    version         UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, customer_id);
