-- A customer's handle on a channel: kind (email, phone, twitter, …) and the normalised handle
-- (e-mail lower-cased, phone E.164, social without '@' and case-folded). Interactions resolve
-- their author through this table; loading it again replaces a mapping.
CREATE TABLE IF NOT EXISTS identities
(
    workspace_id LowCardinality(String),
    kind         LowCardinality(String),
    handle       String,
    customer_id  String,
    -- Followers of the handle where known: the reach of a public post without impressions.
    followers    Nullable(UInt32),
    version      UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, kind, handle);
