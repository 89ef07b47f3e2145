-- The opening inbound messages of customers (no parent: the first message of a thread), one row
-- each, for serviceEffects (value/service_effects.sql): the experience in force at a purchase is
-- the outcome of the customer's latest opening message before it, from any time in the history,
-- so every request read every opening message the workspace ever had from `interactions` with
-- FINAL: ~1 s of CPU at 10 M interactions (2.6 M opening messages among 10 M rows), whatever the
-- period. Here they are 2.6 M narrow rows read without FINAL (a day's current build is named by
-- its generation), and only the recent days not built yet come from `interactions`.
-- The outcome (answered fast, slow, missed, missed negative) is worked out when read, from the FRT
-- and the workspace's SLA then; a day is read from here only once the SLA cutoff has passed its
-- end, when its unanswered messages are all missed (as customer_service_daily, migration 0023).
--
-- Built and read as customer_service_daily is: whole UTC days under a generation recorded in
-- rollup_days (rollup 'customer_contacts_daily'), by the load's rollup pass (which rebuilds the days
-- of the messages a load writes or moves to another customer, and of the customers it writes), and
-- at start for data loaded before this migration (refreshRollups in pipelines/src/load/rollups.ts).
-- Sorted by customer, not by day: the reader reads every day but the last and groups the rows by
-- customer, and with each customer's rows together that grouping cost ~20 % less CPU (4.3 → 3.5 s
-- for the whole query over 365 days at 10 M interactions; a build's days are still its partitions'
-- rows to delete, found by the `day` column). The query leaves optimize_aggregation_in_order off:
-- it reads the rollup alongside the recent rows, and in order it was no cheaper.
CREATE TABLE IF NOT EXISTS customer_contacts_daily
(
    workspace_id    LowCardinality(String),
    day             Date,
    -- cityHash64(customer_id), as value/service_effects.sql joins the purchases (migration 0028).
    customer_key    UInt64,
    brand           LowCardinality(String),
    channel         LowCardinality(String),
    is_public       Bool,
    -- The customer's segment ('' without a customer row): the segments filter.
    segment         LowCardinality(String),
    -- The first person who replied ('' unanswered): the agents filter.
    agent           LowCardinality(String),
    -- As the sentiments filter names it ('' unscored): also whether a missed message was negative.
    sentiment_class LowCardinality(String),
    created_at      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    answered        UInt8,
    -- First response time in milliseconds (0 unanswered).
    frt_ms          Int64,
    generation      UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, customer_key, created_at);
