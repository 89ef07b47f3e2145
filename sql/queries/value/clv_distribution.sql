-- Predicted CLV distribution per segment in the workspace's latest CLV run: the 10th, 25th, 50th,
-- 75th and 90th percentiles (linear interpolation between order statistics).
WITH (
    SELECT argMax(run_id, fitted_at)
    FROM model_runs
    WHERE workspace_id = {workspace_id:String}
) AS latest_run
SELECT
    v.segment AS segment,
    count() AS customers,
    quantilesExactInclusive(0.1, 0.25, 0.5, 0.75, 0.9)(v.predicted_clv) AS quantiles
FROM customer_value AS v
WHERE v.workspace_id = {workspace_id:String}
  AND v.run_id = latest_run
  /*customer_filter*/
GROUP BY v.segment
ORDER BY v.segment
-- use_index_for_in_with_subqueries = 0: the segments filter on customer_value (customerFilter in
-- sql/src/filter.ts); bench large, one segment, 365 days, CPU 0.42-0.47 s with the key analysis against
-- 0.12 s without.
SETTINGS use_index_for_in_with_subqueries = 0
