-- Service effects on order value: a within-customer (fixed-effects) regression of log purchase
-- amount on the service experience in force at the purchase, with Poisson-bootstrap replicates
-- over customers. The service solves the normal equations; exp(coefficient) is the ratio of order
-- values under an experience to those of the same customers before any contact (no_contact).
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
-- Output: one row per replicate, replicate 0 being the data itself (weight 1 for every customer), with
-- the per-customer contributions summed (weighted):
--   [1..16]  X'X of the demeaned experience indicators (answered_fast, answered_slow, missed,
--            missed_negative; row-major 4 × 4)
--   [17..20] X'y with y = ln(amount) demeaned per customer
--   [21..25] purchases per experience (no_contact first), [26..30] customers per experience,
--   [31]     customers.
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
            i.customer_id AS customer_id,
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
        SELECT t.customer_id AS customer_id, t.occurred_at AS at, ln(toFloat64(t.amount)) AS y
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
            p.customer_id AS customer_id,
            p.y AS y,
            -- No earlier contact: the ASOF LEFT JOIN leaves the default '' (no_contact).
            indexOf(experiences, if(c.experience = '', 'no_contact', c.experience)) AS e
        FROM purchases AS p
        ASOF LEFT JOIN contacts AS c ON p.customer_id = c.customer_id AND p.at > c.at
    ),
    per_customer AS
    (
        SELECT
            customer_id,
            arrayMap(x -> toFloat64(x), [countIf(e = 1), countIf(e = 2), countIf(e = 3), countIf(e = 4), countIf(e = 5)]) AS n,
            [sumIf(y, e = 1), sumIf(y, e = 2), sumIf(y, e = 3), sumIf(y, e = 4), sumIf(y, e = 5)] AS s,
            count() AS total,
            sum(y) AS total_y
        FROM classified
        WHERE e > 0 -- 0: under an unscored missed message
        GROUP BY customer_id
        HAVING uniqExact(e) > 1
    ),
    contributions AS
    (
        SELECT
            customer_id,
            arrayConcat(
                arrayFlatten(arrayMap(k -> arrayMap(j -> if(k = j, n[k], 0.0) - n[k] * n[j] / total, range(2, 6)), range(2, 6))),
                arrayMap(k -> s[k] - n[k] * total_y / total, range(2, 6)),
                n,
                arrayMap(x -> toFloat64(x > 0), n),
                [1.0]
            ) AS v,
            -- Poisson(1) weight of this customer in each replicate, from a hash of the customer,
            -- the replicate and the seed: the same request gives the same interval.
            arrayConcat(
                [1.0],
                arrayMap(
                    u -> toFloat64(multiIf(u < 0.36787944, 0, u < 0.73575888, 1, u < 0.9196986, 2, u < 0.98101184, 3,
                                           u < 0.99634015, 4, u < 0.99940582, 5, u < 0.99991676, 6, 7)),
                    arrayMap(b -> cityHash64(customer_id, b, {seed:UInt64}) / 18446744073709551616.0, range({samples:UInt16}))
                )
            ) AS weights
        FROM per_customer
    )
SELECT b - 1 AS replicate, sumForEach(arrayMap(x -> w * x, v)) AS sums
FROM contributions
ARRAY JOIN weights AS w, arrayEnumerate(weights) AS b
WHERE w > 0
GROUP BY b
ORDER BY b
