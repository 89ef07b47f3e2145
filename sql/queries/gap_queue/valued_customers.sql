-- Which of the gap queue page's customers {customers} have a predicted CLV in the workspace's
-- latest CLV run (gap_queue/page.sql sums the purchases of the others only).
SELECT DISTINCT customer_id
FROM customer_value
WHERE workspace_id = {workspace_id:String}
  AND run_id = (SELECT argMax(run_id, fitted_at) FROM model_runs WHERE workspace_id = {workspace_id:String})
  AND customer_id IN {customers:Array(String)}
