-- Cohort retention split by service experience (DESIGN.md): for each first-purchase-month cohort
-- that starts in the period, and each service experience (the rule of value/service_value.sql,
-- kept in step by value.test.ts), how many of the cohort's customers purchased k months after
-- their first purchase month (k = 0 is the cohort month itself, so its count is the cohort size).
-- Purchases are counted up to the end of the period; refunds are not purchases.
WITH
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
    ),
    purchase_months AS
    (
        SELECT customer_id, groupUniqArray(toStartOfMonth(occurred_at)) AS months
        FROM transactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND kind != 'refund'
          AND customer_id != ''
          AND occurred_at < {to:DateTime64(3)}
        GROUP BY customer_id
    ),
    cohorts AS
    (
        SELECT
            p.customer_id AS customer_id,
            arrayMin(p.months) AS cohort,
            arrayMap(m -> toUInt32(dateDiff('month', arrayMin(p.months), m)), p.months) AS offsets,
            if(e.experience = '', 'no_contact', e.experience) AS experience
        FROM purchase_months AS p
        LEFT JOIN experiences AS e ON e.customer_id = p.customer_id
        WHERE arrayMin(p.months) >= toStartOfMonth({from:DateTime64(3)})
          /*customer_filter*/
    )
SELECT
    toString(cohort) AS cohort,
    experience,
    k,
    count() AS customers
FROM cohorts
ARRAY JOIN offsets AS k
GROUP BY cohort, experience, k
ORDER BY cohort, experience, k
