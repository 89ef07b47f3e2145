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
-- The customers are value/run_customers_fragment.sql, as the list of them behind these figures.
WITH
    /*include:value/experience_fragment*/,
    /*include:value/run_customers_fragment*/,
    rows AS
    (
        SELECT
            segment,
            experience,
            clv,
            toFloat64(frequency > 0) AS repeated,
            p_alive,
            at_risk,
            -- Poisson(1) weight of this customer in each bootstrap replicate, from a hash of the
            -- customer and the replicate: deterministic, so the same request gives the same interval.
            arrayMap(
                u -> multiIf(u < 0.36787944, 0, u < 0.73575888, 1, u < 0.9196986, 2, u < 0.98101184, 3,
                             u < 0.99634015, 4, u < 0.99940582, 5, u < 0.99991676, 6, 7),
                arrayMap(b -> cityHash64(customer_id, b) / 18446744073709551616.0, range({samples:UInt16}))
            ) AS weights
        FROM run_customers
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
