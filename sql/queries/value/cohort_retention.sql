-- Cohort retention split by service experience (DESIGN.md): for each first-purchase-month cohort
-- that starts in the period, and each service experience (value/experience_fragment.sql, the same
-- rule as value/service_value.sql), how many of the cohort's customers purchased k months after
-- their first purchase month (k = 0 is the cohort month itself, so its count is the cohort size).
-- The cohorts are value/cohorts_fragment.sql, as the list of their customers.
WITH
    /*include:value/experience_fragment*/,
    /*include:value/cohorts_fragment*/
SELECT
    toString(cohort) AS cohort,
    experience_names[experience_code + 1] AS experience,
    k,
    count() AS customers
FROM cohorts
ARRAY JOIN offsets AS k
GROUP BY cohort, experience_code, k
ORDER BY cohort, experience, k
