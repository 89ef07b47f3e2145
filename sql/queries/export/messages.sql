-- The raw rows behind every message figure: one row per inbound message of the filter's period,
-- with its reply facts (calendar seconds to the first reply by a person), status (replied, or
-- pending / missed against the SLA at {now}, as in overview/interaction_kpis), sentiment, reach,
-- customer and segment. Keyset pagination on (created_at, interaction_id), strictly after the
-- cursor, so an export of any size is read page by page.
WITH
    coalesce((SELECT any(sla_hours) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}), 24) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_hours * 3600000)) AS sla_cutoff
SELECT
    i.interaction_id AS message_id,
    i.created_at AS created_at,
    toString(i.brand) AS brand,
    toString(i.channel) AS channel,
    i.is_public AS is_public,
    i.customer_id AS customer_id,
    coalesce(toString(c.segment), '') AS segment,
    i.author_handle AS author,
    i.text AS text,
    toString(i.lang) AS lang,
    i.sentiment AS sentiment,
    multiIf(i.sentiment IS NULL, '', i.sentiment >= 0.05, 'positive', i.sentiment <= -0.05, 'negative', 'neutral') AS sentiment_class,
    multiIf(i.first_reply_at IS NOT NULL, 'replied', i.created_at >= sla_cutoff, 'pending', 'missed') AS status,
    i.first_reply_at AS first_reply_at,
    -- Clock skew clamped at 0, as everywhere FRT is computed.
    if(i.first_reply_at IS NULL, NULL, greatest(dateDiff('millisecond', i.created_at, i.first_reply_at), 0) / 1000) AS reply_seconds,
    toString(i.first_reply_agent) AS reply_agent,
    i.first_bot_reply_at AS bot_reply_at,
    e.shares AS shares,
    e.quotes AS quotes,
    e.impressions AS impressions,
    -- Reach: impressions of the latest snapshot, else the author's followers (DESIGN.md).
    coalesce(e.impressions, toUInt64(i.author_followers)) AS reach
FROM
(
    -- The page first: the joins below then read only what the page needs, not the workspace.
    SELECT *
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
      AND created_at >= {from:DateTime64(3)}
      AND created_at < {to:DateTime64(3)}
      AND ({first_page:Bool} OR (created_at, interaction_id) > ({after_at:DateTime64(3)}, {after_id:String}))
      /*filter*/
    ORDER BY created_at, interaction_id
    LIMIT {limit:UInt32}
) AS i
LEFT JOIN
(
    SELECT interaction_id, shares, quotes, impressions
    FROM engagement FINAL
    WHERE workspace_id = {workspace_id:String}
      AND interaction_id IN (
            SELECT interaction_id
            FROM interactions FINAL
            WHERE workspace_id = {workspace_id:String}
              AND direction = 'inbound'
              AND is_public
              AND created_at >= {from:DateTime64(3)}
              AND created_at < {to:DateTime64(3)}
      )
) AS e ON e.interaction_id = i.interaction_id
LEFT JOIN
(
    SELECT customer_id, segment
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
) AS c ON c.customer_id = i.customer_id
ORDER BY i.created_at, i.interaction_id
SETTINGS join_use_nulls = 1
