-- The raw rows behind every message figure: one row per inbound message of the filter's period,
-- with its reply facts (calendar seconds to the first reply by a person) and status (replied, or
-- pending / missed against the SLA at {now}, as in overview/interaction_kpis). Keyset pagination
-- on (created_at, interaction_id), strictly after the cursor, so an export of any size is read
-- page by page. Reach and segment come per page by primary key (export/engagement,
-- export/segments): joined here, they would read the workspace's every post and customer.
WITH
    coalesce((SELECT any(sla_hours) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}), 24) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_hours * 3600000)) AS sla_cutoff
SELECT
    interaction_id AS message_id,
    created_at,
    toString(brand) AS brand,
    toString(channel) AS channel,
    is_public,
    customer_id,
    author_handle AS author,
    text,
    toString(lang) AS lang,
    sentiment,
    multiIf(sentiment IS NULL, '', sentiment >= 0.05, 'positive', sentiment <= -0.05, 'negative', 'neutral') AS sentiment_class,
    multiIf(first_reply_at IS NOT NULL, 'replied', created_at >= sla_cutoff, 'pending', 'missed') AS status,
    first_reply_at,
    -- Clock skew clamped at 0, as everywhere FRT is computed.
    if(first_reply_at IS NULL, NULL, greatest(dateDiff('millisecond', created_at, first_reply_at), 0) / 1000) AS reply_seconds,
    toString(first_reply_agent) AS reply_agent,
    first_bot_reply_at AS bot_reply_at,
    author_followers
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  AND ({first_page:Bool} OR (created_at, interaction_id) > ({after_at:DateTime64(3)}, {after_id:String}))
  /*filter*/
ORDER BY created_at, interaction_id
LIMIT {limit:UInt32}
