-- Before a rebuild of customer_cohorts (migration 0031): deletes the rows of a pass that never
-- marked its days (killed), newer than any marked generation. They are invisible, but would show
-- once a later generation is marked.
DELETE FROM customer_cohorts
WHERE workspace_id = {workspace_id:String}
  AND generation > ifNull(/*include:rollup/cohorts_visible_fragment*/, 0)
