-- The customers behind value/cohort_retention's curves: the customers of the first-purchase-month
-- cohorts starting in the period (value/cohorts_fragment.sql, the same population), narrowed by
-- the filter's experiences and cohorts at the customer_list_filter marker, with their segment and,
-- when the latest CLV run has them, predicted CLV and P(alive). total is the size of the whole
-- narrowed list, before the page. Keyset pagination on customer_id, strictly after {after}.
WITH
    /*include:value/experience_fragment*/,
    /*include:value/cohorts_fragment*/,
    (
        SELECT argMax(run_id, fitted_at)
        FROM model_runs
        WHERE workspace_id = {workspace_id:String}
    ) AS latest_run
SELECT customer_id, segment, experience, cohort_month AS cohort, predicted_clv, p_alive, historical_value, total
FROM
(
    SELECT
        c.customer_id AS customer_id,
        toString(s.segment) AS segment,
        c.experience AS experience,
        formatDateTime(c.cohort, '%Y-%m') AS cohort_month,
        -- A LEFT JOIN without a match reads '' and 0: a customer the run does not have gets NULLs.
        if(v.customer_id = '', NULL, v.predicted_clv) AS predicted_clv,
        if(v.customer_id = '', NULL, v.p_alive) AS p_alive,
        if(v.customer_id = '', NULL, v.historical_value) AS historical_value,
        count() OVER () AS total
    FROM cohorts AS c
    LEFT JOIN
    (
        SELECT customer_id, segment
        FROM customers FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS s ON s.customer_id = c.customer_id
    LEFT JOIN
    (
        SELECT customer_id, predicted_clv, p_alive, historical_value
        FROM customer_value
        WHERE workspace_id = {workspace_id:String}
          AND run_id = latest_run
    ) AS v ON v.customer_id = c.customer_id
    WHERE 1
      -- experience and cohort here are c's columns (the month's text is cohort_month).
      /*customer_list_filter*/
)
WHERE {first_page:Bool} OR customer_id > {after:String}
ORDER BY customer_id
LIMIT {limit:UInt32}
