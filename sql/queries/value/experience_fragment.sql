-- Service experience of each customer over the period (DESIGN.md), defined once and included by
-- value/service_value.sql, value/cohort_retention.sql and the customer lists behind them
-- (sql/src/queries.ts, include markers).
-- Not a query on its own: WITH items (the workspace's SLA, its own brands, and per customer the
-- outcome of the latest decided inbound message to an own brand, plus whether any missed message
-- was negative). Takes workspace_id, from, to and now, and the interaction filter.
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    assumeNotNull(sla_hours_setting) * 3600 AS sla_seconds,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_seconds * 1000)) AS sla_cutoff,
    own_brands AS
    (
        SELECT brand
        FROM brands FINAL
        WHERE workspace_id = {workspace_id:String} AND is_own
    ),
    experiences AS
    (
        SELECT
            i.customer_id AS customer_id,
            argMax(
                multiIf(
                    i.first_reply_at IS NULL, 'missed',
                    dateDiff('millisecond', i.created_at, assumeNotNull(i.first_reply_at)) <= sla_seconds * 1000 / 4, 'answered_fast',
                    'answered_slow'),
                i.created_at) AS experience,
            max(i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05) AS missed_negative
        FROM interactions AS i FINAL
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.customer_id != ''
          AND i.created_at >= {from:DateTime64(3)}
          AND i.created_at < {to:DateTime64(3)}
          -- Pending (unanswered, younger than the SLA) is not an experience yet.
          AND NOT (i.first_reply_at IS NULL AND i.created_at >= sla_cutoff)
          -- Own brands only; a workspace that has not marked any counts every brand.
          AND ((SELECT count() FROM own_brands) = 0 OR i.brand IN (SELECT brand FROM own_brands))
          /*filter*/
        GROUP BY i.customer_id
    )
