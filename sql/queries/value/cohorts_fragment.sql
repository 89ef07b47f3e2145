-- First-purchase-month cohorts that start in the period, each customer with the months after the
-- cohort month in which they purchased and their service experience: the population of
-- value/cohort_retention and of the customer list behind it (value/cohort_customer_list), defined
-- once. Not a query on its own: WITH items after value/experience_fragment; the customer filter
-- goes at its marker (prefix p.). Purchases are counted up to the end of the period; refunds are
-- not purchases.
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
