-- The workspace's fitted CLV models, newest first: one row per run × segment × model with its
-- parameters. Keyset pagination on (fitted_at, run_id, segment, model) descending.
SELECT run_id, segment, model, parameters, standard_errors, log_likelihood, customers, pooled,
       calibration_end, horizon_months, monthly_discount, data_from, data_to, fitted_at, note
FROM model_runs
WHERE workspace_id = {workspace_id:String}
  AND (fitted_at, run_id, segment, model)
      < ({before_at:DateTime64(3)}, {before_run:String}, {before_segment:String}, {before_model:String})
ORDER BY fitted_at DESC, run_id DESC, segment DESC, model DESC
LIMIT {limit:UInt32}
