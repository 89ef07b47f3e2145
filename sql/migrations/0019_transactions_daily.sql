-- Active customers and historical value (the Overview's customer KPIs) from rollups: the customers
-- of each inbound rollup row, and purchases rolled up per UTC day × segment with their amount and
-- customers. Active customers = the distinct customers of the period's rows of both (plus its
-- partial days from the rows): at 10 M interactions the scan of a year's messages and purchases for
-- them took 3.5 s of CPU. Customers are kept as cityHash64 of their id (64-bit: a collision among a
-- workspace's customers is negligible, as for the lift's thread hashes), deduplicated per row.
--
-- transactions_daily is built and read as inbound_daily is (migration 0016): whole days under a
-- generation recorded in rollup_days (rollup 'transactions_daily'), by the load's rollup pass and
-- at start for data loaded before. Days of inbound_daily built before this migration have no
-- customers: the rollup's version in its calendar key makes them stale until rebuilt.
ALTER TABLE inbound_daily ADD COLUMN IF NOT EXISTS customer_keys Array(UInt64) AFTER late_lift;

CREATE TABLE IF NOT EXISTS transactions_daily
(
    workspace_id  LowCardinality(String),
    day           Date,
    -- The customer's segment ('' without a customer row): the segments filter.
    segment       LowCardinality(String),
    -- Refunds subtracted, whatever their sign in the source (DESIGN.md "Historical value").
    amount        Decimal(38, 4),
    customer_keys Array(UInt64),
    generation    UInt64
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (workspace_id, day, segment);
