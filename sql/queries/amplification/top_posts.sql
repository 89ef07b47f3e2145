-- The most amplified public inbound messages of the period: by shares + quotes, then reach, then
-- oldest first and by id so the list is stable. Reach as in amplification/summary.sql.
-- The {limit} first of whole days {rollup_from} to {rollup_to} (exclusive) come from the
-- public_posts_daily rollup (migration 0025), whose key is this order, and those of the rest of the
-- period from the rows ({use_rollup} false: all of it; postsWindow in sql/src/inbound-rollup.ts
-- decides); then only the chosen rows are read with their details. Markers: filter
-- (interactionFilter) over `i`, rollup_filter over `r`.
WITH chosen AS
(
    SELECT created_at, interaction_id
    FROM
    (
        SELECT created_at, interaction_id, amplification, reach
        FROM
        (
            SELECT r.created_at AS created_at, r.interaction_id AS interaction_id,
                   -r.neg_amplification AS amplification, -r.neg_reach AS reach
            FROM public_posts_daily AS r
            WHERE /*include:rollup/read_window_fragment*/
              /*rollup_filter*/
            ORDER BY r.neg_amplification, r.neg_reach, r.created_at, r.interaction_id
            LIMIT {limit:UInt32}
        )
        UNION ALL
        SELECT created_at, interaction_id, amplification, reach
        FROM
        (
            SELECT i.created_at AS created_at, i.interaction_id AS interaction_id,
                   toInt64(toUInt64(i.shares) + i.quotes) AS amplification,
                   toInt64(coalesce(i.impressions, toUInt64(i.author_followers), 0)) AS reach
            FROM interactions AS i FINAL
            WHERE i.workspace_id = {workspace_id:String}
              AND i.direction = 'inbound'
              AND i.is_public
              AND /*include:rollup/outside_rollup_fragment*/
              /*filter*/
            ORDER BY amplification DESC, reach DESC, created_at, interaction_id
            LIMIT {limit:UInt32}
        )
    )
    ORDER BY amplification DESC, reach DESC, created_at, interaction_id
    LIMIT {limit:UInt32}
)
SELECT
    i.interaction_id AS interaction_id,
    i.created_at AS created_at,
    toString(i.brand) AS brand,
    toString(i.channel) AS channel,
    i.author_handle AS author_handle,
    i.text AS text,
    i.sentiment AS sentiment,
    -- The latest engagement snapshot's figures are on the row (link pass, migration 0015).
    i.shares AS shares,
    i.quotes AS quotes,
    toUInt64(shares) + quotes AS amplification,
    coalesce(i.impressions, toUInt64(i.author_followers), 0) AS reach,
    toBool(i.first_reply_at IS NOT NULL) AS answered
FROM interactions AS i FINAL
WHERE i.workspace_id = {workspace_id:String}
  AND i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  -- A prefix of the sorting key: only the chosen rows' granules are read.
  AND (i.created_at, i.interaction_id) IN (SELECT created_at, interaction_id FROM chosen)
  AND i.direction = 'inbound'
  AND i.is_public
ORDER BY amplification DESC, reach DESC, created_at, interaction_id
LIMIT {limit:UInt32}
