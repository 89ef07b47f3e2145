-- Inbound messages per UTC hour × brand × channel × public × segment, with the Response page's
-- measures (rollup/inbound_measures_fragment.sql: counts and every answered message's FRT, so
-- quantiles stay exact), for the hour-of-week heatmap (response by HOUR_OF_WEEK). inbound_daily's
-- days are UTC days: they cannot be put in the workspace's local hours, so the heatmap read the
-- period's rows (1.3-1.7 s of CPU over 365 days at 10 M interactions). A UTC hour falls in one
-- local hour of the week wherever the time zone's offset is a whole number of hours and does not
-- change inside it: then the heatmap reads whole days from here (response/response_by_hour_of_week.sql
-- checks every hour of the period; a zone with a :30 or :45 offset reads the rows).
--
-- Only the dimensions of the heatmap's usual filters: with the first replier too it would hold
-- 470 k rows a year at 10 M interactions instead of 240 k (one per ~8 messages: little gained over
-- the rows). An agents narrowing reads the rows. Built and read as inbound_daily is (migration
-- 0016): whole days under a generation recorded in rollup_days (rollup 'inbound_hourly', built
-- with the rollup's version and the calendar), rebuilt by the load's rollup pass for the days a
-- load touches and, for data loaded before this migration, by the refresh at the next start. A
-- day is read from here only once the SLA cutoff has passed its end (no pending column: 0).
CREATE TABLE IF NOT EXISTS inbound_hourly
(
    workspace_id        LowCardinality(String),
    day                 Date,
    hour                DateTime('UTC'),
    brand               LowCardinality(String),
    channel             LowCardinality(String),
    is_public           Bool,
    -- '' without a customer (or a customer without a row), as the SEGMENT grouping of the rows.
    segment             LowCardinality(String),
    inbound             UInt64,
    replied             UInt64,
    missed              UInt64,
    bot_replied         UInt64,
    frt_values          Array(Float64) CODEC(ZSTD(1)),
    business_frt_values Array(Float64) CODEC(ZSTD(1)),
    generation          UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, hour, brand, channel, segment);
