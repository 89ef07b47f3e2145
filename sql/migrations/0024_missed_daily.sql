-- The unanswered inbound messages of each UTC day, one row each, sorted by the gap queue's first
-- key (DESIGN.md "Response gap": lowest sentiment first, an unscored message as neutral, 0). The
-- gap queue finds a page's candidates here for whole days (gap_queue/candidates.sql) and only the
-- period's partial and recent days in `interactions`: its two FINAL scans of the period's
-- messages took 1.35 s of CPU at 10 M interactions (bench large, first page). Sorted by sentiment,
-- the lowest `limit` of a period are read from the start of the key instead of the whole period.
--
-- Built and read as inbound_daily is (migration 0016): whole days under a generation recorded in
-- rollup_days (rollup 'missed_daily'), rebuilt by the load's rollup pass when a load touches a
-- day (a late reply rewrites its message's row, so its day is rebuilt without it) and, for data
-- loaded before this migration, by the refresh at the next start. A day is read from here only
-- once the SLA cutoff has passed its end, when its unanswered messages are all missed. No agent
-- column: an agents narrowing reads the period from the rows.
CREATE TABLE IF NOT EXISTS missed_daily
(
    workspace_id    LowCardinality(String),
    -- coalesce(sentiment, 0): the queue's order.
    rank_sentiment  Float64,
    day             Date,
    created_at      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    interaction_id  String,
    customer_id     String,
    brand           LowCardinality(String),
    channel         LowCardinality(String),
    is_public       Bool,
    segment         LowCardinality(String),
    -- The class as the sentiments filter names it ('' unscored).
    sentiment_class LowCardinality(String),
    generation      UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, rank_sentiment, created_at, interaction_id);
