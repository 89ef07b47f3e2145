-- The load's link pass: denormalises onto inbound rows what other rows say about them, for the
-- rows a load touched, so the result is the same whatever order the rows arrive in (same file,
-- another file, a later run). Two sets of facts, each worked out from narrow FINAL reads (keys
-- and the facts only), then every row whose facts change is read whole and written again once,
-- with a higher version (before, one pass per set rewrote a row twice, and each read whole rows):
--  - reply facts (DESIGN.md, "Reply" and "First response time"): the earliest reply written by a
--    person of the *same brand* whose parent_id is the inbound message, and apart from it the
--    earliest automated reply; and the post's latest engagement snapshot (impressions, shares,
--    quotes; migration 0015). For the inbound rows the load loaded, the parents of the replies
--    it loaded and the posts of the snapshots it loaded.
--  - the next message (migration 0018: next_at, next_sentiment): the next inbound message of the
--    same author in the same thread, the author being the customer, else the handle when the
--    customer is unresolved; ties in time by id. For the threads of the inbound rows written at
--    {since_version} or later (the load's rows, and those its earlier passes rewrote, such as a
--    customer resolved). The reply facts change no thread's order.
-- Run once per bucket of threads (cityHash64(thread_id) % buckets = bucket): a bucket orders
-- its threads (a thread's messages are all in it) and links the load's inbound rows of its
-- threads and the parents of the load's replies in its threads (the engagement snapshots' posts
-- by cityHash64(interaction_id)). Each bucket works out a row's facts in full from FINAL reads,
-- so the buckets together give the same result as one run, and each bucket's sets and groups
-- stay small enough for a load of many millions of rows to keep a bounded RSS. A row is written
-- by one bucket as a rule; by two when its facts fall in two (a parent in another thread than
-- its reply, a post's snapshot), the later bucket reading the earlier one's row through FINAL:
-- each bucket writes at its own {version} (the caller's version + bucket), so the later wins.
INSERT INTO interactions
WITH
    touched AS MATERIALIZED
    (
        SELECT interaction_id
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND ingest_run_id = {run_id:String}
          AND direction = 'inbound'
          AND cityHash64(thread_id) % {buckets:UInt64} = {bucket:UInt64}
        UNION DISTINCT
        -- By the reply's thread: its parent's, as a rule.
        SELECT parent_id
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND ingest_run_id = {run_id:String}
          AND direction = 'outbound'
          AND parent_id != ''
          AND cityHash64(thread_id) % {buckets:UInt64} = {bucket:UInt64}
        UNION DISTINCT
        SELECT interaction_id
        FROM engagement
        WHERE workspace_id = {workspace_id:String}
          AND ingest_run_id = {run_id:String}
          AND cityHash64(interaction_id) % {buckets:UInt64} = {bucket:UInt64}
    ),
    replies AS MATERIALIZED
    (
        SELECT
            i.interaction_id AS interaction_id,
            i.created_at AS created_at,
            -- No reply (LEFT JOIN without a match): the defaults, NULL and ''.
            r.first_reply_at AS reply_at,
            r.first_reply_id AS reply_id,
            r.first_reply_agent AS reply_agent,
            r.first_bot_reply_at AS bot_reply_at,
            -- No snapshot: NULL impressions, no shares or quotes.
            e.impressions AS post_impressions,
            e.shares AS post_shares,
            e.quotes AS post_quotes
        FROM
        (
            SELECT
                interaction_id, created_at, brand, first_reply_at, first_reply_id, first_reply_agent,
                first_bot_reply_at, impressions, shares, quotes
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
    ),
    threads AS
    (
        SELECT DISTINCT thread_id
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND direction = 'inbound'
          AND version >= {since_version:UInt64}
          AND cityHash64(thread_id) % {buckets:UInt64} = {bucket:UInt64}
    ),
    nexts AS MATERIALIZED
    (
        SELECT interaction_id, created_at, lead_at, lead_sentiment
        FROM
        (
            SELECT
                interaction_id,
                created_at,
                -- Not named next_*: an alias would hide the column of the same name.
                next_at AS written_at,
                next_sentiment AS written_sentiment,
                leadInFrame(toNullable(created_at)) OVER w AS lead_at,
                leadInFrame(sentiment) OVER w AS lead_sentiment
            FROM interactions FINAL
            WHERE workspace_id = {workspace_id:String}
              AND direction = 'inbound'
              AND thread_id IN (SELECT thread_id FROM threads)
            WINDOW w AS (
                PARTITION BY cityHash64(thread_id, if(customer_id != '', customer_id, author_handle))
                ORDER BY created_at, interaction_id
                ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
        )
        WHERE NOT (written_at <=> lead_at AND written_sentiment <=> lead_sentiment)
    )
SELECT i.* REPLACE (
    if(r.linked, r.reply_at, i.first_reply_at) AS first_reply_at,
    if(r.linked, r.reply_id, i.first_reply_id) AS first_reply_id,
    if(r.linked, r.reply_agent, i.first_reply_agent) AS first_reply_agent,
    if(r.linked, r.bot_reply_at, i.first_bot_reply_at) AS first_bot_reply_at,
    if(r.linked, r.post_impressions, i.impressions) AS impressions,
    if(r.linked, r.post_shares, i.shares) AS shares,
    if(r.linked, r.post_quotes, i.quotes) AS quotes,
    if(n.linked, n.lead_at, i.next_at) AS next_at,
    if(n.linked, n.lead_sentiment, i.next_sentiment) AS next_sentiment,
    {version:UInt64} AS version
)
FROM
(
    -- interaction_id is in the sorting key, so filtering before FINAL keeps every version of a row:
    -- only the rows that change are read whole.
    SELECT *
    FROM interactions FINAL
    PREWHERE interaction_id IN (SELECT interaction_id FROM replies UNION DISTINCT SELECT interaction_id FROM nexts)
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
) AS i
-- Keyed by the whole row (id and time): the same id loaded at two times is two rows.
LEFT JOIN (SELECT *, true AS linked FROM replies) AS r
    ON r.interaction_id = i.interaction_id AND r.created_at = i.created_at
LEFT JOIN (SELECT *, true AS linked FROM nexts) AS n
    ON n.interaction_id = i.interaction_id AND n.created_at = i.created_at
WHERE r.linked OR n.linked
-- Each set is used more than once: computed once (a CTE is otherwise inlined at every use).
SETTINGS enable_materialized_cte = 1
