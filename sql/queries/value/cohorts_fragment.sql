-- First-purchase-month cohorts that start in the period, each customer with the months after the
-- cohort month in which they purchased and their service experience: the population of
-- value/cohort_retention and of the customer list behind it (value/cohort_customer_list), defined
-- once. Not a query on its own: WITH items after value/experience_fragment; the customer filter
-- goes at its marker (prefix p.). Purchases are counted up to the end of the period; refunds are
-- not purchases. A customer's cohort is their first purchase month over the whole history, so
-- customers whose first purchase is before the period are read from customer_cohorts only when
-- the rows add a purchase for them.
    -- The purchase days from the rows: from the day of the period's end ({cp_rollup_to},
    -- customerPurchasesWindow's call, sql/src/inbound-rollup.ts) to its end, or all of them before
    -- the period's end when {cp_use_rollup} is false (the purchase rollup does not serve).
    recent_purchases AS
    (
        SELECT
            cityHash64(t.customer_id) AS customer_key,
            any(t.customer_id) AS customer_id,
            groupArray(toDate(t.occurred_at, 'UTC')) AS days
        FROM transactions AS t FINAL
        WHERE t.workspace_id = {workspace_id:String}
          AND t.kind != 'refund'
          AND t.customer_id != ''
          AND t.occurred_at < {to:DateTime64(3)}
          AND (NOT {cp_use_rollup:Bool} OR t.occurred_at >= toDateTime64({cp_rollup_to:Date}, 3, 'UTC'))
        GROUP BY customer_key
    ),
    /*include:rollup/cohorts_visible_fragment*/ AS cohorts_visible,
    -- The purchase days before the day of the period's end from customer_cohorts (migration 0031),
    -- one row per customer with no GROUP BY: the customers whose first purchase is in the period's
    -- cohorts (a range of its sort key), and those the rows add purchases to (their first purchase
    -- may be earlier). A customer's row is the one of the latest marked build.
    rolled_purchases AS
    (
        SELECT c.customer_key AS customer_key, c.customer_id AS customer_id, arrayFilter(d -> d < {cp_rollup_to:Date}, c.days) AS days
        FROM customer_cohorts AS c
        WHERE c.workspace_id = {workspace_id:String}
          AND {cp_use_rollup:Bool}
          AND c.first_day < {cp_rollup_to:Date}
          AND (c.first_day >= toStartOfMonth({from:DateTime64(3)})
               OR c.customer_key IN (SELECT customer_key FROM recent_purchases))
          AND c.generation <= cohorts_visible
          AND (c.customer_key, c.generation) NOT IN
          (
              SELECT customer_key, generation
              FROM customer_cohorts_superseded
              WHERE workspace_id = {workspace_id:String}
                AND at <= cohorts_visible
          )
    ),
    purchase_months AS
    (
        -- By customer_key, the stored hash of the id (migration 0028), as experiences are. FULL
        -- JOIN: a customer without a row before the period's last day is the rows' only.
        SELECT
            if(r.customer_id = '', n.customer_key, r.customer_key) AS customer_key,
            if(r.customer_id = '', n.customer_id, r.customer_id) AS customer_id,
            arrayDistinct(arrayMap(d -> toStartOfMonth(d), arrayConcat(r.days, n.days))) AS months
        FROM rolled_purchases AS r
        FULL JOIN recent_purchases AS n ON n.customer_key = r.customer_key
    ),
    cohorts AS
    (
        SELECT
            p.customer_id AS customer_id,
            arrayMin(p.months) AS cohort,
            arrayMap(m -> toUInt32(dateDiff('month', arrayMin(p.months), m)), p.months) AS offsets,
            -- No match in the RIGHT JOIN reads 0: no_contact.
            e.experience_code AS experience_code,
            experience_names[experience_code + 1] AS experience
        -- The cohorts' customers are the join's build side: fewer than the experiences over a
        -- year's period (300 k of 640 k customers at 10 M interactions), and 28 k of 140 k over 30 days.
        FROM experiences AS e
        RIGHT JOIN purchase_months AS p ON e.customer_key = p.customer_key
        WHERE arrayMin(p.months) >= toStartOfMonth({from:DateTime64(3)})
          /*customer_filter*/
    )
