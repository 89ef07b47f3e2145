-- Denormalises reply facts onto inbound rows (DESIGN.md, "Reply" and "First response time"):
-- the earliest reply written by a person of the *same brand* whose parent_id is the inbound
-- message, and apart from it the earliest automated reply. Also the post's latest engagement
-- snapshot (impressions, shares, quotes; migration 0015). Scoped to the inbound rows a load
-- touched: those it loaded, the parents of the replies it loaded and the posts of the snapshots
-- it loaded, so the result is the same whatever order parent, reply and snapshot arrive in (same
-- file, another file, a later run).
-- Only rows whose facts change are written again, with a higher version.
-- Run once per bucket of inbound ids (cityHash64(id) % buckets): a parent and its replies fall in
-- the same bucket, so the buckets together give the same result as one run, and each bucket's
-- sets and groups stay small enough for a load of many millions of rows to keep a bounded RSS.
INSERT INTO interactions
WITH touched AS MATERIALIZED
(
    SELECT interaction_id
    FROM interactions
    WHERE workspace_id = {workspace_id:String}
      AND ingest_run_id = {run_id:String}
      AND direction = 'inbound'
      AND cityHash64(interaction_id) % {buckets:UInt64} = {bucket:UInt64}
    UNION DISTINCT
    SELECT parent_id
    FROM interactions
    WHERE workspace_id = {workspace_id:String}
      AND ingest_run_id = {run_id:String}
      AND direction = 'outbound'
      AND parent_id != ''
      AND cityHash64(parent_id) % {buckets:UInt64} = {bucket:UInt64}
    UNION DISTINCT
    SELECT interaction_id
    FROM engagement
    WHERE workspace_id = {workspace_id:String}
      AND ingest_run_id = {run_id:String}
      AND cityHash64(interaction_id) % {buckets:UInt64} = {bucket:UInt64}
)
SELECT i.* REPLACE (
    -- No reply (LEFT JOIN without a match): the defaults, NULL and ''.
    r.first_reply_at AS first_reply_at,
    r.first_reply_id AS first_reply_id,
    r.first_reply_agent AS first_reply_agent,
    r.first_bot_reply_at AS first_bot_reply_at,
    -- No snapshot: NULL impressions, no shares or quotes.
    e.impressions AS impressions,
    e.shares AS shares,
    e.quotes AS quotes,
    {version:UInt64} AS version
)
FROM
(
    SELECT *
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
      AND interaction_id IN (SELECT interaction_id FROM touched)
) AS i
LEFT JOIN
(
    SELECT
        parent_id,
        brand,
        minIfOrNull(created_at, NOT is_automated) AS first_reply_at,
        -- argMinIf returns '' when no person replied; first_reply_at is then NULL.
        argMinIf(interaction_id, created_at, NOT is_automated) AS first_reply_id,
        argMinIf(agent, created_at, NOT is_automated) AS first_reply_agent,
        minIfOrNull(created_at, is_automated) AS first_bot_reply_at
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'outbound'
      AND parent_id IN (SELECT interaction_id FROM touched)
    GROUP BY parent_id, brand
) AS r ON r.parent_id = i.interaction_id AND r.brand = i.brand
LEFT JOIN
(
    -- FINAL keeps the latest snapshot per post (ReplacingMergeTree on captured_at).
    SELECT interaction_id, impressions, shares, quotes
    FROM engagement FINAL
    WHERE workspace_id = {workspace_id:String}
      AND interaction_id IN (SELECT interaction_id FROM touched)
) AS e ON e.interaction_id = i.interaction_id
WHERE NOT (
    i.first_reply_at <=> r.first_reply_at
    AND i.first_reply_id = r.first_reply_id
    AND i.first_reply_agent = r.first_reply_agent
    AND i.first_bot_reply_at <=> r.first_bot_reply_at
    AND i.impressions <=> e.impressions
    AND i.shares = e.shares
    AND i.quotes = e.quotes
)
-- touched is used three times: computed once (a CTE is otherwise inlined at every use).
SETTINGS enable_materialized_cte = 1
