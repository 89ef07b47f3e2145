-- One row per message, call or ticket event, inbound or outbound. The same source row loaded
-- twice is one row: ReplacingMergeTree on (workspace, time, source id) keeps the highest version,
-- and every read of this table uses FINAL.
--
-- Reply facts are denormalised onto the inbound row (first_reply_*), written by the load's link
-- pass whatever order parent and reply arrive in, so dashboard queries never join replies.
CREATE TABLE IF NOT EXISTS interactions
(
    workspace_id       LowCardinality(String),
    interaction_id     String,
    source             LowCardinality(String),
    brand              LowCardinality(String),
    channel            LowCardinality(String),
    direction          Enum8('inbound' = 1, 'outbound' = 2),
    is_public          Bool,
    created_at         DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    thread_id          String,
    -- What this message replies to ('' for none).
    parent_id          String,
    author_kind        LowCardinality(String),
    author_handle      String,
    author_followers   Nullable(UInt32),
    -- Resolved through identities at load time ('' when unknown).
    customer_id        String,
    agent              LowCardinality(String),
    -- Replies by bots and automations are counted apart and are not responses (DESIGN.md).
    is_automated       Bool DEFAULT false,
    text               String CODEC(ZSTD(3)),
    lang               LowCardinality(String),
    sentiment          Nullable(Float32),
    sentiment_source   LowCardinality(String),
    topics             Array(LowCardinality(String)),
    csat               Nullable(UInt8),
    first_reply_at     Nullable(DateTime64(3, 'UTC')),
    first_reply_id     String DEFAULT '',
    first_reply_agent  LowCardinality(String) DEFAULT '',
    first_bot_reply_at Nullable(DateTime64(3, 'UTC')),
    ingest_run_id      String,
    version            UInt64,
    INDEX idx_interaction_id interaction_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_parent_id parent_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_customer_id customer_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY (workspace_id, created_at, interaction_id);
