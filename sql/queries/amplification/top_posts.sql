-- The most amplified public inbound messages of the period: by shares + quotes, then reach, then
-- oldest first and by id so the list is stable. Reach as in amplification/summary.sql.
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
  AND i.direction = 'inbound'
  AND i.is_public
  AND i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  /*filter*/
ORDER BY amplification DESC, reach DESC, created_at, interaction_id
LIMIT {limit:UInt32}
