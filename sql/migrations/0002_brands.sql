-- The brands a workspace tracks: its own and the competitors it compares with (share of voice).
-- Small; ReplacingMergeTree so a brand is edited by inserting it again.
CREATE TABLE IF NOT EXISTS brands
(
    workspace_id LowCardinality(String),
    brand        LowCardinality(String),
    name         String,
    is_own       Bool,
    -- Normalised handles the brand posts as (lower case, no '@'), used to attribute mentions.
    handles      Array(String),
    version      UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, brand);
