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
-- Per customer, not per purchase: the purchases (as two arrays) and the contacts (as one array of
-- time × 16 + code) of each customer, one row each, joined on customer_key; a purchase's
-- experience is the largest packed contact below its own time × 16. The ASOF JOIN of 2.6 M
-- purchases to 2.6 M contacts and a GROUP BY of the purchases cost twice the CPU at 10 M
-- interactions (bench/README.md, "serviceEffects").
-- The contacts are every opening message of the history before the period's end: for whole days
-- from the customer_contacts_daily rollup (migration 0032), which the rows gave for ~1 s of CPU at
-- 10 M interactions whatever the period; the days not built yet, or not past the SLA cutoff, from
-- the rows.
-- Only customers who bought under two experiences or more inform the estimate; only they count.
WITH
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    assumeNotNull(sla_hours_setting) * 3600 AS sla_seconds,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_seconds * 1000)) AS sla_cutoff,
    -- Experience codes: 1 no_contact, 2 answered_fast, 3 answered_slow, 4 missed, 5 missed_negative;
    -- 9 a missed unscored message. In this order in the sums.
    contact_rows AS
    (
        -- Whole UTC days before the SLA cutoff's day (every unanswered message then missed) from the
        -- customer_contacts_daily rollup (migration 0032), {rollup_from} to {rollup_to} (exclusive):
        -- customerContactsWindow (sql/src/inbound-rollup.ts); {use_rollup} false reads the rows.
        SELECT
            r.customer_key AS customer_key,
            r.created_at AS created_at,
            (r.answered, r.frt_ms) AS answer,
            r.sentiment_class AS sentiment_class
        FROM customer_contacts_daily AS r
        WHERE /*include:rollup/read_window_fragment*/
          /*rollup_filter*/
        UNION ALL
        -- The rest from the rows, as the rollup's build reads them: the days not built yet, and
        -- those the SLA cutoff has not passed.
        SELECT
            -- Customers by the hash of the id, as the other value queries (migration 0028): joining
            -- and grouping on a UInt64 costs less than on the String.
            cityHash64(i.customer_id) AS customer_key,
            i.created_at AS created_at,
            (/*include:value/answer_fragment*/) AS answer,
            /*include:rollup/sentiment_class_fragment*/ AS sentiment_class
        FROM interactions AS i FINAL
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.customer_id != ''
          -- The opening message decides; nudges and follow-ups inside the thread do not.
          AND i.parent_id = ''
          AND i.created_at < {to:DateTime64(3)}
          AND (NOT {use_rollup:Bool}
               OR i.created_at < toDateTime64({rollup_from:Date}, 3, 'UTC')
               OR i.created_at >= toDateTime64({rollup_to:Date}, 3, 'UTC'))
          AND NOT (i.first_reply_at IS NULL AND i.created_at >= sla_cutoff)
          /*filter*/
    ),
    contacts AS
    (
        SELECT
            customer_key,
            -- The time in ms × 16 + the code: the latest contact before a purchase is the largest
            -- below the purchase's time × 16 (two at the same millisecond: the higher code).
            toUInt64(toUnixTimestamp64Milli(created_at)) * 16 + multiIf(
                answer.1 = 1 AND answer.2 <= sla_seconds * 1000 / 4, 2,
                answer.1 = 1, 3,
                -- Unscored (''): negative or not is unknown.
                sentiment_class = '', 9,
                sentiment_class = 'negative', 5,
                4) AS contact
        FROM contact_rows
    ),
    contacted AS
    (
        SELECT customer_key, groupArray(contact) AS contacts
        FROM contacts
        GROUP BY customer_key
    ),
    buyers AS
    (
        -- Customers with two purchases or more in the period: only they can buy under two experiences.
        -- Two arrays, not one of tuples: groupArray of a tuple cost 2.7× the CPU of the two.
        SELECT
            cityHash64(t.customer_id) AS customer_key,
            groupArray(toUInt64(toUnixTimestamp64Milli(t.occurred_at))) AS bought_at,
            groupArray(ln(toFloat64(t.amount))) AS ys
        FROM transactions AS t FINAL
        WHERE t.workspace_id = {workspace_id:String}
          AND t.kind = 'purchase'
          AND t.amount > 0
          AND t.occurred_at >= {from:DateTime64(3)}
          AND t.occurred_at < {to:DateTime64(3)}
          /*customer_filter*/
        GROUP BY customer_key
        HAVING count() > 1
    ),
    classified AS
    (
        SELECT
            b.customer_key AS customer_key,
            b.ys AS ys,
            -- No contact before a purchase: arrayMax of none is 0, code 0.
            arrayMap(t -> toUInt8(arrayMax(arrayFilter(x -> x < t * 16, c.contacts)) % 16), b.bought_at) AS codes
        -- The buyers are the join's build side: fewer than the contacted customers (481 k of 740 k
        -- over 365 days at 10 M interactions).
        FROM contacted AS c
        RIGHT JOIN buyers AS b ON c.customer_key = b.customer_key
    ),
    per_customer AS
    (
        SELECT
            customer_key,
            -- Purchases under an unscored missed message (9) are left out.
            arrayFilter(e -> e != 9, arrayMap(e -> if(e = 0, 1, e), codes)) AS kept,
            arrayFilter((y, e) -> e != 9, ys, codes) AS kept_y,
            toFloat64(countEqual(kept, 1)) AS n1,
            toFloat64(countEqual(kept, 2)) AS n2,
            toFloat64(countEqual(kept, 3)) AS n3,
            toFloat64(countEqual(kept, 4)) AS n4,
            toFloat64(countEqual(kept, 5)) AS n5,
            arraySum(arrayMap((y, e) -> if(e = 2, y, 0), kept_y, kept)) AS s2,
            arraySum(arrayMap((y, e) -> if(e = 3, y, 0), kept_y, kept)) AS s3,
            arraySum(arrayMap((y, e) -> if(e = 4, y, 0), kept_y, kept)) AS s4,
            arraySum(arrayMap((y, e) -> if(e = 5, y, 0), kept_y, kept)) AS s5,
            toFloat64(length(kept)) AS total,
            arraySum(kept_y) AS total_y
        FROM classified
        -- Only customers who bought under two experiences or more.
        WHERE (n1 > 0) + (n2 > 0) + (n3 > 0) + (n4 > 0) + (n5 > 0) > 1
    )
-- A customer's contribution to X'X is n_k [k = j] - n_k n_j / total, to X'y s_k - n_k total_y / total
-- (indicators and y demeaned per customer), summed per block as plain sums: per-customer arrays
-- summed with sumForEach cost ~1 s more CPU over 340 k customers.
SELECT
    toUInt16(customer_key % 1024) AS block,
    [
        sum(n2 - n2 * n2 / total), sum(-n2 * n3 / total), sum(-n2 * n4 / total), sum(-n2 * n5 / total),
        sum(-n3 * n2 / total), sum(n3 - n3 * n3 / total), sum(-n3 * n4 / total), sum(-n3 * n5 / total),
        sum(-n4 * n2 / total), sum(-n4 * n3 / total), sum(n4 - n4 * n4 / total), sum(-n4 * n5 / total),
        sum(-n5 * n2 / total), sum(-n5 * n3 / total), sum(-n5 * n4 / total), sum(n5 - n5 * n5 / total),
        sum(s2 - n2 * total_y / total), sum(s3 - n3 * total_y / total),
        sum(s4 - n4 * total_y / total), sum(s5 - n5 * total_y / total),
        sum(n1), sum(n2), sum(n3), sum(n4), sum(n5),
        sum(toFloat64(n1 > 0)), sum(toFloat64(n2 > 0)), sum(toFloat64(n3 > 0)), sum(toFloat64(n4 > 0)),
        sum(toFloat64(n5 > 0)),
        toFloat64(count())
    ] AS sums
FROM per_customer
GROUP BY block
ORDER BY block
