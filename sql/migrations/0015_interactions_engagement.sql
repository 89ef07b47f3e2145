-- The latest engagement snapshot of a public post, denormalised onto its own row (DESIGN.md
-- "Amplification": shares, quotes; reach = impressions where the source has them, else the
-- author's followers). Written by the load's link pass (load/link_replies.sql) whatever order the
-- post and its snapshots arrive in, so dashboard queries never join `engagement`: that join was
-- about half the Overview's CPU (bench medium, 365 days). NULL impressions: the source has none.
ALTER TABLE interactions
    ADD COLUMN IF NOT EXISTS impressions Nullable(UInt64) AFTER first_bot_reply_at,
    ADD COLUMN IF NOT EXISTS shares UInt32 DEFAULT 0 AFTER impressions,
    ADD COLUMN IF NOT EXISTS quotes UInt32 DEFAULT 0 AFTER shares;

-- Which load wrote a snapshot, so the link pass also refreshes posts loaded by an earlier run.
ALTER TABLE engagement ADD COLUMN IF NOT EXISTS ingest_run_id String DEFAULT '';

-- Rows loaded before this migration: the latest snapshot of each post, as a new row version
-- (one above the row's own, below any later load's).
INSERT INTO interactions
SELECT i.* REPLACE (
    e.impressions AS impressions,
    e.shares AS shares,
    e.quotes AS quotes,
    i.version + 1 AS version
)
FROM interactions AS i FINAL
INNER JOIN
(
    SELECT workspace_id, interaction_id, impressions, shares, quotes
    FROM engagement FINAL
) AS e ON e.workspace_id = i.workspace_id AND e.interaction_id = i.interaction_id
WHERE i.direction = 'inbound';
