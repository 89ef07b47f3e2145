-- The same for customer_cohorts_superseded (migration 0031): a killed pass's entries would hide
-- rows still current once a later generation is marked.
DELETE FROM customer_cohorts_superseded
WHERE workspace_id = {workspace_id:String}
  AND at > ifNull(/*include:rollup/cohorts_visible_fragment*/, 0)
