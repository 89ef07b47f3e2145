-- Service experience per customer from a rollup: per UTC day × customer × brand × channel × public
-- × segment × first replier, the latest inbound message's time, whether it was answered and its
-- first response time, and whether an unanswered message was negative. The Value page's figures
-- (value/experience_fragment.sql: serviceValue, cohortRetention and the customer lists behind them)
-- take each customer's latest decided message of the period from here for whole days, and from
-- the rows only for the period's partial and recent days: the scan of a year's messages with
-- FINAL for them cost 100-180 ms of CPU per query at 1 M interactions, ten times that at 10 M.
-- The outcome (answered fast, slow, missed) is worked out when read, from the FRT and the
-- workspace's SLA then; a day is read from here only once the SLA cutoff has passed its end, when
-- its unanswered messages are all missed (as inbound_daily, migration 0016).
--
-- Built and read as term_daily is (migration 0020): whole days under a generation recorded in
-- rollup_days (rollup 'customer_service_daily'), by the load's rollup pass, and at start for data
-- loaded before this migration (refreshRollups in pipelines/src/load/rollups.ts).
CREATE TABLE IF NOT EXISTS customer_service_daily
(
    workspace_id     LowCardinality(String),
    day              Date,
    customer_id      String,
    brand            LowCardinality(String),
    channel          LowCardinality(String),
    is_public        Bool,
    -- The customer's segment ('' without a customer row): the segments filter.
    segment          LowCardinality(String),
    -- The first person who replied ('' unanswered): the agents filter.
    agent            LowCardinality(String),
    last_at          DateTime64(3, 'UTC'),
    last_answered    UInt8,
    -- First response time of the latest message, in milliseconds (0 unanswered).
    last_frt_ms      Int64,
    missed_negative  UInt8,
    generation       UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, customer_id, brand, channel);
