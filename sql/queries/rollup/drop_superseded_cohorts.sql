-- After {generation} is marked: deletes the customer_cohorts rows (migration 0031) it replaced
-- (readers already skip them), then rollup/forget_superseded_cohorts.sql their entries.
DELETE FROM customer_cohorts
WHERE workspace_id = {workspace_id:String}
  AND (customer_key, generation) IN
  (
      SELECT customer_key, generation
      FROM customer_cohorts_superseded
      WHERE workspace_id = {workspace_id:String}
        AND at <= {generation:UInt64}
  )
