-- Rebuilds customer_cohorts (migration 0031) for the customers with a transaction on {days}, from
-- all their transactions, under {generation} (rollup/supersede_customer_cohorts.sql listed their
-- rows it replaces). A customer left with no purchase gets no row. Refunds are not purchases.
INSERT INTO customer_cohorts (workspace_id, first_day, customer_key, customer_id, days, generation)
SELECT
    {workspace_id:String} AS workspace_id,
    min(toDate(t.occurred_at, 'UTC')) AS first_day,
    cityHash64(t.customer_id) AS customer_key,
    t.customer_id AS customer_id,
    arraySort(groupUniqArray(toDate(t.occurred_at, 'UTC'))) AS days,
    {generation:UInt64} AS generation
FROM transactions AS t FINAL
WHERE t.workspace_id = {workspace_id:String}
  AND t.kind != 'refund'
  AND t.customer_id IN
  (
      /*include:rollup/cohort_customers_fragment*/
  )
GROUP BY t.customer_id
