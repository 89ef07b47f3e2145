-- Service→value (DESIGN.md): predicted CLV, repeat-purchase rate and retention of the customers of
-- the workspace's latest CLV run, per segment × service experience, with the sums per block of
-- customers that the api's Poisson bootstrap weighs for 95% intervals.
--   experience  of a customer over the period = the outcome of their latest *decided* inbound
--               message to an own brand: answered_fast (first reply within SLA/4),
--               answered_slow, missed (no reply after the SLA); still-pending messages decide
--               nothing; no such message: no_contact.
--   repeat rate = share of customers with a repeat purchase in the run's calibration period;
--   retention   = mean P(alive) at the calibration end, from the same BG/NBD fit;
--   at risk     = customers with a missed negative (sentiment <= -0.05) message in the period;
--               value at risk = their predicted CLV.
-- The customers are value/run_customers_fragment.sql, as the list of them behind these figures.
-- Bootstrap over blocks of customers: each customer falls in one of 1024 blocks by a hash of its
-- id, and a replicate weighs a whole block with one Poisson(1) draw (value/bootstrap_weights.sql: a
-- hash of the block and the replicate, deterministic, so the same request gives the same
-- interval). A block's customers are a random subset, so a mean's replicates spread as with a
-- weight per customer (the variance of the weighted block sums is, in expectation, the
-- per-customer one), while the replicate work is blocks × samples instead of customers × samples:
-- the per-customer form cost 85 % of this query's CPU (bench medium, 100 k customers × 200
-- samples; 10 s at 1 M customers). A block weighs the same in every group, so groups still combine
-- by adding (api/src/value/bootstrap.ts). This query gives each group's sums per block, sorted by
-- block; the api weighs them (replicateSums): the weighted sums here, 12 k arrays of 200 per
-- request, cost ~0.3 s of CPU at 1 M customers, in JavaScript ~10 ms.
WITH
    /*include:value/experience_fragment*/,
    /*include:value/run_customers_fragment*/,
    blocks AS
    (
        SELECT
            segment,
            experience_code,
            -- cityHash64(customer_id), stored (migration 0028).
            customer_key % 1024 AS block,
            count() AS block_customers,
            sum(clv) AS block_clv,
            sum(toFloat64(frequency > 0)) AS block_repeated,
            sum(p_alive) AS block_retention,
            countIf(at_risk) AS block_at_risk,
            sumIf(clv, at_risk) AS block_value_at_risk
        FROM run_customers
        GROUP BY segment, experience_code, block
    )
SELECT
    segment,
    experience_names[experience_code + 1] AS experience,
    sum(block_customers) AS customers,
    sum(block_clv) / customers AS clv_mean,
    sum(block_repeated) / customers AS repeat_rate,
    sum(block_retention) / customers AS retention,
    sum(block_at_risk) AS at_risk_customers,
    sum(block_value_at_risk) AS value_at_risk,
    -- (block, customers, CLV, repeated, retention) per block, in block order.
    arraySort(groupArray((toUInt16(block), toUInt32(block_customers), block_clv, block_repeated, block_retention))) AS blocks,
    any(latest_run) AS run_id
FROM blocks
GROUP BY segment, experience_code
ORDER BY segment, experience
-- run_customers' LEFT JOIN hashes its right side, the experiences (the contacted customers), as
-- written. Left to choose (query_plan_join_swap_table = 'auto'), ClickHouse may hash the run's
-- customers instead (1 M rows, with every column read), which cost more at 365 days: bench large,
-- CPU 0.62-0.72 s as written against 0.82-1.02 s left to choose; 30 and 90 days the same either way.
-- use_index_for_in_with_subqueries = 0: the segments filter (customerFilter) is `v.customer_id IN
-- (the segment's customers)`, and customer_id is in customer_value's sorting key, so ClickHouse
-- keeps the subquery's set (220 k ids for one segment at large) for the key analysis, which skips
-- nothing here (a run holds every customer). Bench large, one segment, 365 days, CPU
-- 0.98-1.16 s with the key analysis against 0.67-0.70 s without (customersAtRisk 0.75-0.81 against
-- 0.51-0.62 s, the CLV distribution 0.42-0.47 against 0.12 s).
SETTINGS query_plan_join_swap_table = 0, use_index_for_in_with_subqueries = 0
