-- First-purchase-month cohorts that start in the period, each customer with the months after the
-- cohort month in which they purchased and their service experience: the population of
-- value/cohort_retention and of the customer list behind it (value/cohort_customer_list), defined
-- once. Not a query on its own: WITH items after value/experience_fragment; the customer filter
-- goes at its marker (prefix p.). Purchases are counted up to the end of the period; refunds are
-- not purchases.
    purchase_months AS
    (
        -- groupArray, then the distinct months: a set per customer (groupUniqArray) over 1 M
        -- customers cost ~20 % more of the query.
        -- By customer_key, the stored hash of the id (migration 0028), as experiences are.
        SELECT customer_key, any(customer_id) AS customer_id, arrayDistinct(groupArray(toStartOfMonth(day))) AS months
        FROM
        (
            -- The purchase days before the period's last day from the customer_purchase_daily
            -- rollup (migration 0026), the rest from the rows: customerPurchasesWindow's call
            -- (sql/src/inbound-rollup.ts); {cp_use_rollup} false reads them all from the rows.
            SELECT r.customer_key AS customer_key, r.customer_id AS customer_id, r.day AS day
            FROM customer_purchase_daily AS r
            WHERE r.workspace_id = {workspace_id:String}
              AND {cp_use_rollup:Bool}
              AND r.day >= {cp_rollup_from:Date}
              AND r.day < {cp_rollup_to:Date}
              -- The day's current build, one per day from {cp_rollup_first_day}.
              AND r.generation = {cp_rollup_generations:Array(UInt64)}[toUInt32(dateDiff('day', {cp_rollup_first_day:Date}, r.day)) + 1]
            UNION ALL
            SELECT cityHash64(customer_id) AS customer_key, customer_id, toDate(occurred_at, 'UTC') AS day
            FROM transactions FINAL
            WHERE workspace_id = {workspace_id:String}
              AND kind != 'refund'
              AND customer_id != ''
              AND occurred_at < {to:DateTime64(3)}
              AND (NOT {cp_use_rollup:Bool}
                   OR occurred_at < toDateTime64({cp_rollup_from:Date}, 3, 'UTC')
                   OR occurred_at >= toDateTime64({cp_rollup_to:Date}, 3, 'UTC'))
        )
        GROUP BY customer_key
    ),
    cohorts AS
    (
        SELECT
            p.customer_id AS customer_id,
            arrayMin(p.months) AS cohort,
            arrayMap(m -> toUInt32(dateDiff('month', arrayMin(p.months), m)), p.months) AS offsets,
            -- No match in the LEFT JOIN reads 0: no_contact.
            e.experience_code AS experience_code,
            experience_names[experience_code + 1] AS experience
        FROM purchase_months AS p
        LEFT JOIN experiences AS e ON e.customer_key = p.customer_key
        WHERE arrayMin(p.months) >= toStartOfMonth({from:DateTime64(3)})
          /*customer_filter*/
    )
