-- The entries of customer_cohorts_superseded (migration 0031) whose rows
-- rollup/drop_superseded_cohorts.sql deleted.
DELETE FROM customer_cohorts_superseded
WHERE workspace_id = {workspace_id:String}
  AND at <= {generation:UInt64}
