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
-- run_customers' LEFT JOIN hashes its right side, the experiences (the contacted customers), as
-- written. Left to choose (query_plan_join_swap_table = 'auto'), ClickHouse may hash the run's
-- customers instead (1 M rows, with every column read), which cost more at 365 days: bench large,
-- CPU 0.62-0.72 s as written against 0.82-1.02 s left to choose (the customer list behind it
-- 0.50-0.57 s against 0.69-0.95 s); 30 and 90 days the same either way.
-- use_index_for_in_with_subqueries = 0: the segments filter on customer_value (customerFilter in
-- sql/src/filter.ts); bench large, one segment, 365 days, CPU 0.91-0.98 s with the key analysis against
-- 0.67-0.71 s without.
SETTINGS query_plan_join_swap_table = 0, use_index_for_in_with_subqueries = 0
