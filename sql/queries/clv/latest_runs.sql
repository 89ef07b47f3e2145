-- The workspace's latest {keep} CLV runs, newest first by fit time, and how many runs it has: the
-- runs whose customer rows stay (pipelines/src/clv/clv-repository.ts, keepLatestRuns). A run has
-- one model_runs row per segment and model, all with the run's fit time.
SELECT
    groupArray({keep:UInt32})(run_id) AS kept,
    count() AS runs
FROM
(
    SELECT run_id
    FROM model_runs
    WHERE workspace_id = {workspace_id:String}
    GROUP BY run_id
    ORDER BY max(fitted_at) DESC, run_id DESC
)
