-- The first step of a rebuild of customer_cohorts (migration 0031) for the customers with a
-- transaction on {days}: lists their current rows as replaced by {generation}, which hides them
-- from readers once {generation} is marked (value/cohorts_fragment.sql).
INSERT INTO customer_cohorts_superseded (workspace_id, customer_key, generation, at)
SELECT workspace_id, customer_key, generation, {generation:UInt64}
FROM customer_cohorts
WHERE workspace_id = {workspace_id:String}
  AND customer_id IN
  (
      /*include:rollup/cohort_customers_fragment*/
  )
