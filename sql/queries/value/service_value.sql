-- Service→value (DESIGN.md): predicted CLV, repeat-purchase rate and retention of the customers of
-- the workspace's latest CLV run, per segment × service experience, with Poisson-bootstrap
-- replicate sums for 95% intervals (the service turns them into percentiles).
--   experience  of a customer over the period = the outcome of their latest *decided* inbound
--               message to an own brand: answered_fast (first reply within SLA/4),
--               answered_slow, missed (no reply after the SLA); still-pending messages decide
--               nothing; no such message: no_contact.
--   repeat rate = share of customers with a repeat purchase in the run's calibration period;
--   retention   = mean P(alive) at the calibration end, from the same BG/NBD fit;
--   at risk     = customers with a missed negative (sentiment <= -0.05) message in the period;
--               value at risk = their predicted CLV.
WITH
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    assumeNotNull(sla_hours_setting) * 3600 AS sla_seconds,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_seconds * 1000)) AS sla_cutoff,
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
    ),
    rows AS
    (
        SELECT
            v.segment AS segment,
            if(e.experience = '', 'no_contact', e.experience) AS experience,
            v.predicted_clv AS clv,
            toFloat64(v.frequency > 0) AS repeated,
            v.p_alive AS p_alive,
            e.missed_negative = 1 AS at_risk,
            -- Poisson(1) weight of this customer in each bootstrap replicate, from a hash of the
            -- customer and the replicate: deterministic, so the same request gives the same interval.
            arrayMap(
                u -> multiIf(u < 0.36787944, 0, u < 0.73575888, 1, u < 0.9196986, 2, u < 0.98101184, 3,
                             u < 0.99634015, 4, u < 0.99940582, 5, u < 0.99991676, 6, 7),
                arrayMap(b -> cityHash64(v.customer_id, b) / 18446744073709551616.0, range({samples:UInt16}))
            ) AS weights
        FROM customer_value AS v
        LEFT JOIN experiences AS e ON e.customer_id = v.customer_id
        WHERE v.workspace_id = {workspace_id:String}
          AND v.run_id = latest_run
          /*customer_filter*/
    )
SELECT
    segment,
    experience,
    count() AS customers,
    avg(clv) AS clv_mean,
    avg(repeated) AS repeat_rate,
    avg(p_alive) AS retention,
    countIf(at_risk) AS at_risk_customers,
    sumIf(clv, at_risk) AS value_at_risk,
    sumForEach(weights) AS boot_n,
    sumForEach(arrayMap(w -> w * clv, weights)) AS boot_clv,
    sumForEach(arrayMap(w -> w * repeated, weights)) AS boot_repeat,
    sumForEach(arrayMap(w -> w * p_alive, weights)) AS boot_retention,
    any(latest_run) AS run_id
FROM rows
GROUP BY segment, experience
ORDER BY segment, experience
