-- Top customers at risk: those with a missed negative message (unanswered after the SLA,
-- sentiment <= -0.05) to an own brand in the period, highest predicted CLV first, then lowest
-- P(alive), then the most recent such message. CLV and P(alive) from the latest CLV run.
-- Markers: filter over `i` (interactionFilter), rollup_filter over `r` (inboundRollupFilter),
-- customer_filter over `v` (customerFilter).
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
            customer_key,
            sum(messages) AS messages,
            max(at) AS last_at,
            argMax(interaction_id, at) AS last_interaction_id,
            argMax(channel, at) AS last_channel
        FROM
        (
            -- Whole days before the SLA cutoff's day from the customer_service_daily rollup
            -- (migrations 0023, 0027), the rest from the rows: customerServiceWindow's call
            -- (sql/src/inbound-rollup.ts), as value/experience_fragment.sql reads it.
            SELECT
                r.customer_key AS customer_key,
                r.missed_negative_messages AS messages,
                r.last_missed_negative_at AS at,
                r.last_missed_negative_id AS interaction_id,
                r.channel AS channel
            FROM customer_service_daily AS r
            -- First, alone: ~5 % of the groups pass, and the day's generation and the own brands
            -- are then worked out for those only (every group before: ~15 % of this query's CPU
            -- over 365 days at 10 M interactions). No index can prune it: the groups with a missed
            -- negative message are spread over every granule of the day-sorted rollup.
            PREWHERE r.missed_negative_messages > 0
            WHERE /*include:rollup/read_window_fragment*/
              AND ((SELECT count() FROM own_brands) = 0 OR r.brand IN (SELECT brand FROM own_brands))
              /*rollup_filter*/
            UNION ALL
            SELECT
                cityHash64(i.customer_id) AS customer_key,
                toUInt64(1) AS messages,
                i.created_at AS at,
                i.interaction_id AS interaction_id,
                i.channel AS channel
            FROM interactions AS i FINAL
            WHERE i.workspace_id = {workspace_id:String}
              AND i.direction = 'inbound'
              AND i.customer_id != ''
              AND /*include:rollup/outside_rollup_fragment*/
              AND i.first_reply_at IS NULL
              AND i.created_at < sla_cutoff
              AND ifNull(i.sentiment, 0) <= -0.05
              AND ((SELECT count() FROM own_brands) = 0 OR i.brand IN (SELECT brand FROM own_brands))
              /*filter*/
        )
        GROUP BY customer_key
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
INNER JOIN missed_negative AS m ON m.customer_key = v.customer_key
WHERE v.workspace_id = {workspace_id:String}
  AND v.run_id = latest_run
  /*customer_filter*/
ORDER BY predicted_clv DESC, p_alive ASC, last_at DESC, customer_id
LIMIT {limit:UInt32}
-- use_index_for_in_with_subqueries = 0: the segments filter on customer_value (customerFilter in
-- sql/src/filter.ts); bench large, one segment, 365 days, CPU 0.75-0.81 s with the key analysis against
-- 0.51-0.62 s without.
SETTINGS use_index_for_in_with_subqueries = 0
