-- Snapshots of a public post's reach. The latest snapshot wins: ReplacingMergeTree with
-- captured_at as the version, keyed by the post (a snapshot has no time of its own to sort by).
CREATE TABLE IF NOT EXISTS engagement
(
    workspace_id   LowCardinality(String),
    interaction_id String,
    captured_at    DateTime64(3, 'UTC'),
    likes          UInt32,
    shares         UInt32,
    quotes         UInt32,
    replies        UInt32,
    impressions    Nullable(UInt64)
)
ENGINE = ReplacingMergeTree(captured_at)
ORDER BY (workspace_id, interaction_id);
