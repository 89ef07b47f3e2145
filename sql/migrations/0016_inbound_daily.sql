-- Inbound messages rolled up per UTC day × brand × channel × public × segment × lifecycle stage ×
-- first replier, with the measures the dashboard's inbound figures are made of
-- (sql/queries/rollup/inbound_measures_fragment.sql): counts, sums and every answered message's
-- FRT (so quantiles over any days stay exact). The Overview, Response, Sentiment, Share of voice
-- and Amplification read whole days from here and only the period's partial and recent days from
-- `interactions`: at 10 M interactions a year is ~4 M rows but a few hundred thousand rollup rows.
--
-- Rows are never updated in place: a day is rebuilt whole (the load's rollup pass, after the link
-- pass, for the days a load touched) under a new `generation`, recorded in rollup_days; readers
-- take each day's latest generation, and the older ones are deleted. So a re-load or a late reply
-- replaces a day's figures instead of adding to them (an insert-triggered materialized view over
-- a ReplacingMergeTree would count a row once per version). Plain MergeTree, one partition a year:
-- reads span many months, and every part read costs a fixed overhead.
--
-- Built by code, not here: business time needs each workspace's time zone as a constant. Until a
-- day is built, queries read it from the rows (same figures, slower); `resonance migrate` and the
-- api's start build every workspace's missing days (refreshRollups in pipelines/src/load/rollups.ts),
-- so data loaded before this migration is rolled up at the first start after the upgrade.
CREATE TABLE IF NOT EXISTS inbound_daily
(
    workspace_id            LowCardinality(String),
    day                     Date,
    brand                   LowCardinality(String),
    channel                 LowCardinality(String),
    is_public               Bool,
    segment                 LowCardinality(String),
    lifecycle_stage         LowCardinality(String),
    -- The first person who replied ('' unanswered): the agents filter and AGENT grouping.
    agent                   LowCardinality(String),
    inbound                 UInt64,
    replied                 UInt64,
    -- Always 0: a day is read from here only once the SLA cutoff has passed its end.
    pending                 UInt64,
    missed                  UInt64,
    bot_replied             UInt64,
    positive                UInt64,
    neutral                 UInt64,
    negative                UInt64,
    scored                  UInt64,
    sentiment_sum           Float64,
    public_messages         UInt64,
    shares                  UInt64,
    quotes                  UInt64,
    reach                   UInt64,
    negative_public         UInt64,
    negative_reach          UInt64,
    answered_negative_reach UInt64,
    missed_negative_reach   UInt64,
    pending_negative_reach  UInt64,
    frt_values              Array(Float64) CODEC(ZSTD(1)),
    business_frt_values     Array(Float64) CODEC(ZSTD(1)),
    generation              UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, brand, channel, segment, agent);

-- The current build of each rollup day: the generation to read, and the calendar its
-- business-time FRT was computed with (a day built with another calendar is read from the rows
-- until rebuilt). A day with a row and no rollup rows had no inbound message.
CREATE TABLE IF NOT EXISTS rollup_days
(
    workspace_id LowCardinality(String),
    rollup       LowCardinality(String),
    day          Date,
    generation   UInt64,
    built_with   String
)
ENGINE = ReplacingMergeTree(generation)
ORDER BY (workspace_id, rollup, day);
