-- Top customers at risk: those with a missed negative message (unanswered after the SLA,
-- sentiment <= -0.05) to an own brand in the period, highest predicted CLV first, then lowest
-- P(alive), then the most recent such message. CLV and P(alive) from the latest CLV run.
WITH
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours_setting) * 3600000)) AS sla_cutoff,
    (
        SELECT argMax(run_id, fitted_at)
        FROM model_runs
        WHERE workspace_id = {workspace_id:String}
    ) AS latest_run,
    own_brands AS
    (
        SELECT brand
        FROM brands FINAL
        WHERE workspace_id = {workspace_id:String} AND is_own
    ),
    missed_negative AS
    (
        SELECT
            i.customer_id AS customer_id,
            count() AS messages,
            max(i.created_at) AS last_at,
            argMax(i.interaction_id, i.created_at) AS last_interaction_id,
            argMax(i.channel, i.created_at) AS last_channel
        FROM interactions AS i FINAL
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.customer_id != ''
          AND i.created_at >= {from:DateTime64(3)}
          AND i.created_at < {to:DateTime64(3)}
          AND i.first_reply_at IS NULL
          AND i.created_at < sla_cutoff
          AND ifNull(i.sentiment, 0) <= -0.05
          AND ((SELECT count() FROM own_brands) = 0 OR i.brand IN (SELECT brand FROM own_brands))
          /*filter*/
        GROUP BY i.customer_id
    )
SELECT
    v.customer_id AS customer_id,
    v.segment AS segment,
    v.predicted_clv AS predicted_clv,
    v.p_alive AS p_alive,
    m.messages AS messages,
    m.last_at AS last_at,
    m.last_interaction_id AS last_interaction_id,
    toString(m.last_channel) AS last_channel
FROM customer_value AS v
INNER JOIN missed_negative AS m ON m.customer_id = v.customer_id
WHERE v.workspace_id = {workspace_id:String}
  AND v.run_id = latest_run
  /*customer_filter*/
ORDER BY predicted_clv DESC, p_alive ASC, last_at DESC, customer_id
LIMIT {limit:UInt32}
