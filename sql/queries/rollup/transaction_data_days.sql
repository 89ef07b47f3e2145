-- The UTC days with transactions of a workspace, in order (the rollup pass builds these and marks
-- every day from the first to the last). No FINAL: a row version not yet merged has the same time.
SELECT DISTINCT toString(toDate(occurred_at, 'UTC')) AS day
FROM transactions
WHERE workspace_id = {workspace_id:String}
ORDER BY day
