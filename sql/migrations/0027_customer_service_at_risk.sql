-- Customers at risk (value/customers_at_risk.sql) from the customer_service_daily rollup
-- (migration 0023): per group, the missed negative messages, and the time and id of the latest,
-- so the list reads whole days from the rollup and only the period's partial and recent days from
-- the rows (a scan of the period's messages with FINAL before). The rollup's version is raised with
-- these columns (CUSTOMER_SERVICE_ROLLUP_VERSION): every day built before is rebuilt at the next
-- start, and read from the rows until then.
ALTER TABLE customer_service_daily
    ADD COLUMN IF NOT EXISTS missed_negative_messages UInt64 DEFAULT 0 AFTER missed_negative,
    ADD COLUMN IF NOT EXISTS last_missed_negative_at DateTime64(3, 'UTC') DEFAULT 0 AFTER missed_negative_messages,
    ADD COLUMN IF NOT EXISTS last_missed_negative_id String DEFAULT '' AFTER last_missed_negative_at;
