-- The customers behind value/service_value's figures (retention and CLV by service experience):
-- the latest CLV run's customers (value/run_customers_fragment.sql, the same population), narrowed
-- by the filter's experiences at the customer_list_filter marker, with their predicted CLV and
-- P(alive). total is the size of the whole narrowed list, before the page. Keyset pagination on
-- customer_id, strictly after {after}.
WITH
    /*include:value/experience_fragment*/,
    /*include:value/run_customers_fragment*/
SELECT customer_id, segment, experience, cohort_month AS cohort, predicted_clv, p_alive, historical_value, total
FROM
(
    SELECT
        customer_id,
        toString(segment) AS segment,
        experience,
        CAST(NULL, 'Nullable(String)') AS cohort_month,
        clv AS predicted_clv,
        p_alive,
        historical_value,
        -- Over the narrowed list, before the keyset condition below cuts it to a page.
        count() OVER () AS total
    FROM run_customers
    WHERE 1
      /*customer_list_filter*/
)
WHERE {first_page:Bool} OR customer_id > {after:String}
ORDER BY customer_id
LIMIT {limit:UInt32}
-- As value/service_value.sql says why: run_customers' join hashes the experiences, and the segments
-- filter on customer_value skips the key analysis. Bench large, 365 days, CPU: 0.69-0.95 s with
-- ClickHouse's own join side against 0.50-0.57 s; one segment 0.91-0.98 s with the key analysis
-- against 0.67-0.71 s.
SETTINGS query_plan_join_swap_table = 0, use_index_for_in_with_subqueries = 0
