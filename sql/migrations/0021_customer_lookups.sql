-- A customer's messages, the replies to them, their transactions and their handles, by key: the
-- Customers page (customers/timeline.sql, value.sql, identities.sql) found a customer's rows in
-- `interactions` and `transactions`, whose sorting keys are time, through bloom-filter skip
-- indexes on customer_id and parent_id, and the granules those select held a sixth of the table
-- at 1 M interactions (bench medium: 230-340 ms of CPU for the timeline's first page; the whole
-- 360 2.1 s at 10 M); `identities`, sorted by handle, was read whole (100-180 ms).
-- These tables hold, per customer and per parent message, the time and id of every row: the
-- queries then read `interactions` and `transactions` by their sorting keys, as the gap queue's
-- page does.
--
-- Written by materialized views on every insert into the tables (a load's rows, and the passes'
-- rewrites, which are inserts of new versions), so each holds every version a row ever had: a
-- superset of the current rows. Readers check the current row again (FINAL, with the customer or
-- the parent), so a row whose customer or parent changed on a re-load is found only where it is
-- now. The existing rows are copied below, after the views exist, so a row inserted meanwhile is
-- not missed (a row copied twice is one row: ReplacingMergeTree).
CREATE TABLE IF NOT EXISTS customer_messages
(
    workspace_id   LowCardinality(String),
    customer_id    String,
    interaction_id String,
    created_at     DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, customer_id, interaction_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS customer_messages_mv TO customer_messages AS
SELECT workspace_id, customer_id, interaction_id, created_at, version
FROM interactions
WHERE direction = 'inbound' AND customer_id != '';

CREATE TABLE IF NOT EXISTS message_replies
(
    workspace_id   LowCardinality(String),
    parent_id      String,
    interaction_id String,
    created_at     DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, parent_id, interaction_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS message_replies_mv TO message_replies AS
SELECT workspace_id, parent_id, interaction_id, created_at, version
FROM interactions
WHERE direction = 'outbound' AND parent_id != '';

CREATE TABLE IF NOT EXISTS customer_transactions
(
    workspace_id   LowCardinality(String),
    customer_id    String,
    transaction_id String,
    occurred_at    DateTime64(3, 'UTC'),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, customer_id, transaction_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS customer_transactions_mv TO customer_transactions AS
SELECT workspace_id, customer_id, transaction_id, occurred_at, version
FROM transactions
WHERE customer_id != '';

-- A customer's handles (customers/identities.sql): identities are sorted by kind and handle.
CREATE TABLE IF NOT EXISTS customer_identities
(
    workspace_id LowCardinality(String),
    customer_id  String,
    kind         LowCardinality(String),
    handle       String,
    version      UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (workspace_id, customer_id, kind, handle);

CREATE MATERIALIZED VIEW IF NOT EXISTS customer_identities_mv TO customer_identities AS
SELECT workspace_id, customer_id, kind, handle, version
FROM identities
WHERE customer_id != '';

INSERT INTO customer_messages (workspace_id, customer_id, interaction_id, created_at, version)
SELECT workspace_id, customer_id, interaction_id, created_at, version
FROM interactions
WHERE direction = 'inbound' AND customer_id != '';

INSERT INTO message_replies (workspace_id, parent_id, interaction_id, created_at, version)
SELECT workspace_id, parent_id, interaction_id, created_at, version
FROM interactions
WHERE direction = 'outbound' AND parent_id != '';

INSERT INTO customer_transactions (workspace_id, customer_id, transaction_id, occurred_at, version)
SELECT workspace_id, customer_id, transaction_id, occurred_at, version
FROM transactions
WHERE customer_id != '';

INSERT INTO customer_identities (workspace_id, customer_id, kind, handle, version)
SELECT workspace_id, customer_id, kind, handle, version
FROM identities
WHERE customer_id != '';
