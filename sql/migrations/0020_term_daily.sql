-- Terms of inbound messages rolled up per UTC day × brand × channel × public × segment × sentiment
-- class × term, with the number of messages that have the term (counted once per message, as top
-- terms counts them). The Sentiment page's word cloud reads whole days from here and only the
-- period's partial days from `interactions`: splitting a year of texts into words took 2.0 s of CPU
-- at 10 M interactions (bench large, top terms), and the rollup has a few rows per term and day.
--
-- Every word a message has is kept (terms/message_terms_fragment.sql: words of two or more letters
-- without digits), stop words included: they are left out when read, so the stop list can change
-- without a rebuild. sentiment_class is the class as the sentiments filter names it ('' unscored).
-- No agent column: a filter by agent reads the period from the rows.
--
-- Built and read as inbound_daily is (migration 0016): whole days under a generation recorded in
-- rollup_days (rollup 'term_daily'), rebuilt by the load's rollup pass for the days it touched and,
-- for data loaded before this migration, by the refresh at the next start (refreshRollups in
-- pipelines/src/load/rollups.ts). Until a day is built, top terms read it from the rows.
CREATE TABLE IF NOT EXISTS term_daily
(
    workspace_id    LowCardinality(String),
    day             Date,
    brand           LowCardinality(String),
    channel         LowCardinality(String),
    is_public       Bool,
    segment         LowCardinality(String),
    sentiment_class LowCardinality(String),
    term            LowCardinality(String),
    messages        UInt64,
    generation      UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, brand, channel, segment, sentiment_class, term);
