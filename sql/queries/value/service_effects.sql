-- Service effects on order value: a within-customer (fixed-effects) regression of log purchase
-- amount on the service experience in force at the purchase, with Poisson-bootstrap replicates
-- over blocks of customers. The service solves the normal equations; exp(coefficient) is the
-- ratio of order values under an experience to those of the same customers before any contact
-- (no_contact).
--   experience in force at a purchase = the outcome of the customer's latest decided opening
--               message of a thread (inbound, no parent) to the filtered brands before it:
--               answered_fast (first person-written reply within SLA/4), answered_slow,
--               missed_negative (no reply, sentiment <= -0.05), missed; none before it: no_contact.
--               A missed unscored message (a language the scorer skips) cannot be told negative or
--               not: purchases under it are left out. Pending messages decide nothing.
--   A customer's own mean log order value is the fixed effect, so the customer's spending level
--   and segment cancel: the target is the ratio of spend multipliers, whatever the customer mix.
--   Logs, because an effect that multiplies the amount is then a shift whatever the order-to-order
--   noise (a mean of amount ÷ the customer's mean would carry Jensen's bias of that mean).
-- Output: one row per block of customers (0-1023, by customer_key % 1024, as value/service_value.sql
-- blocks them), in block order, with the block's per-customer contributions summed:
--   [1..16]  X'X of the demeaned experience indicators (answered_fast, answered_slow, missed,
--            missed_negative; row-major 4 × 4)
--   [17..20] X'y with y = ln(amount) demeaned per customer
--   [21..25] purchases per experience (no_contact first), [26..30] customers per experience,
--   [31]     customers.
-- The api adds the blocks for the estimate and weighs them with each replicate's Poisson(1) block
-- weights (value/bootstrap_weights.sql, replicateSums) for the intervals: the sums are linear in
-- the weights, so a replicate's are the weighted block sums. Weighing every customer in SQL (a
-- 201-element weight array per customer, ARRAY JOINed) cost 25 s of CPU at 10 M interactions.
-- Only customers who bought under two experiences or more inform the estimate; only they count.
WITH
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    assumeNotNull(sla_hours_setting) * 3600 AS sla_seconds,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_seconds * 1000)) AS sla_cutoff,
    ['no_contact', 'answered_fast', 'answered_slow', 'missed', 'missed_negative'] AS experiences,
    contacts AS
    (
        SELECT
            -- Customers by the hash of the id, as the other value queries (migration 0028): joining
            -- and grouping on a UInt64 costs less than on the String.
            cityHash64(i.customer_id) AS customer_key,
            i.created_at AS at,
            multiIf(
                i.first_reply_at IS NOT NULL
                    AND dateDiff('millisecond', i.created_at, assumeNotNull(i.first_reply_at)) <= sla_seconds * 1000 / 4,
                    'answered_fast',
                i.first_reply_at IS NOT NULL, 'answered_slow',
                i.sentiment IS NULL, 'unscored',
                assumeNotNull(i.sentiment) <= -0.05, 'missed_negative',
                'missed') AS experience
        FROM interactions AS i FINAL
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.customer_id != ''
          -- The opening message decides; nudges and follow-ups inside the thread do not.
          AND i.parent_id = ''
          AND i.created_at < {to:DateTime64(3)}
          AND NOT (i.first_reply_at IS NULL AND i.created_at >= sla_cutoff)
          /*filter*/
    ),
    purchases AS
    (
        SELECT cityHash64(t.customer_id) AS customer_key, t.occurred_at AS at, ln(toFloat64(t.amount)) AS y
        FROM transactions AS t FINAL
        WHERE t.workspace_id = {workspace_id:String}
          AND t.kind = 'purchase'
          AND t.amount > 0
          AND t.occurred_at >= {from:DateTime64(3)}
          AND t.occurred_at < {to:DateTime64(3)}
          /*customer_filter*/
    ),
    classified AS
    (
        SELECT
            p.customer_key AS customer_key,
            p.y AS y,
            -- No earlier contact: the ASOF LEFT JOIN leaves the default '' (no_contact).
            indexOf(experiences, if(c.experience = '', 'no_contact', c.experience)) AS e
        FROM purchases AS p
        ASOF LEFT JOIN contacts AS c ON p.customer_key = c.customer_key AND p.at > c.at
    ),
    per_customer AS
    (
        SELECT
            customer_key,
            arrayMap(x -> toFloat64(x), [countIf(e = 1), countIf(e = 2), countIf(e = 3), countIf(e = 4), countIf(e = 5)]) AS n,
            [sumIf(y, e = 1), sumIf(y, e = 2), sumIf(y, e = 3), sumIf(y, e = 4), sumIf(y, e = 5)] AS s,
            count() AS total,
            sum(y) AS total_y
        FROM classified
        WHERE e > 0 -- 0: under an unscored missed message
        GROUP BY customer_key
        HAVING uniqExact(e) > 1
    ),
    contributions AS
    (
        SELECT
            customer_key % 1024 AS block,
            arrayConcat(
                arrayFlatten(arrayMap(k -> arrayMap(j -> if(k = j, n[k], 0.0) - n[k] * n[j] / total, range(2, 6)), range(2, 6))),
                arrayMap(k -> s[k] - n[k] * total_y / total, range(2, 6)),
                n,
                arrayMap(x -> toFloat64(x > 0), n),
                [1.0]
            ) AS v
        FROM per_customer
    )
SELECT toUInt16(block) AS block, sumForEach(v) AS sums
FROM contributions
GROUP BY block
ORDER BY block
