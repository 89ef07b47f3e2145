-- Cohort retention split by service experience (DESIGN.md): for each first-purchase-month cohort
-- that starts in the period, and each service experience (value/experience_fragment.sql, the same
-- rule as value/service_value.sql), how many of the cohort's customers purchased k months after
-- their first purchase month (k = 0 is the cohort month itself, so its count is the cohort size).
-- Purchases are counted up to the end of the period; refunds are not purchases.
WITH
    /*include:value/experience_fragment*/,
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
