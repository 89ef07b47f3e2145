-- The workspace's loads, newest first, with their counts (read = loaded + rejected once finished)
-- and status. Keyset pagination on (started_at, run_id) descending, strictly before the cursor.
SELECT run_id, source, files, status, started_at, finished_at,
       rows_read, rows_loaded, rows_rejected, rows_unscored, message
FROM ingest_runs FINAL
WHERE workspace_id = {workspace_id:String}
  AND (started_at, run_id) < ({before_at:DateTime64(3)}, {before_id:String})
ORDER BY started_at DESC, run_id DESC
LIMIT {limit:UInt32}
