-- The newest generation of customer_cohorts (migration 0031) a reader may see: the latest build of
-- customer_purchase_daily marked in rollup_days, whose pass rebuilt its customers' rows before
-- marking. Not a query on its own: a scalar subquery.
(
    SELECT max(generation)
    FROM rollup_days
    WHERE workspace_id = {workspace_id:String}
      AND `rollup` = 'customer_purchase_daily'
)
