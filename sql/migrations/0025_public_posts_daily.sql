-- The public inbound messages of each UTC day, one row each, sorted by the amplification page's
-- top-posts order (DESIGN.md "Amplification": shares + quotes, then reach, both highest first;
-- then oldest first and by id). amplification/top_posts.sql takes a period's most amplified
-- posts of whole days from the start of this key and only its partial days from `interactions`,
-- then reads those few rows' details: sorting the period's public messages (with their texts,
-- FINAL) took 2.2 s of CPU with the summary at 10 M interactions (bench large, amplification).
--
-- Built and read as inbound_daily is (migration 0016): whole days under a generation recorded in
-- rollup_days (rollup 'public_posts_daily'), rebuilt by the load's rollup pass when a load touches
-- a day (a new engagement snapshot or a reply rewrites its post's row) and, for data loaded
-- before this migration, by the refresh at the next start. agent is the first replier ('' when
-- unanswered), as the agents filter reads an inbound message.
CREATE TABLE IF NOT EXISTS public_posts_daily
(
    workspace_id        LowCardinality(String),
    -- −(shares + quotes) and −reach: ascending keys for a highest-first order.
    neg_amplification   Int64,
    neg_reach           Int64,
    created_at          DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    interaction_id      String,
    day                 Date,
    brand               LowCardinality(String),
    channel             LowCardinality(String),
    -- Always true (public messages only): the publicOnly narrowing's column.
    is_public           Bool,
    segment             LowCardinality(String),
    agent               LowCardinality(String),
    -- The class as the sentiments filter names it ('' unscored).
    sentiment_class     LowCardinality(String),
    generation          UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, neg_amplification, neg_reach, created_at, interaction_id);
