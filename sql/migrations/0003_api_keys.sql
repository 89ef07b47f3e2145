-- API keys. Only the SHA-256 of the secret is stored; the secret is shown once, at creation.
-- Revocation inserts the row again with revoked_at and a higher version. Few rows: the api reads
-- the table whole and caches it, so the key stays (workspace_id, key_id) like every other table.
CREATE TABLE IF NOT EXISTS api_keys
(
    workspace_id LowCardinality(String),
    key_id       String,
    key_hash     String,
    name         String,
    role         Enum8('viewer' = 1, 'analyst' = 2, 'admin' = 3),
    created_at   DateTime64(3, 'UTC'),
    revoked_at   Nullable(DateTime64(3, 'UTC')),
    version      UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, key_id);
