-- The workspaces with interactions (the rollups to bring up to date at start).
SELECT DISTINCT toString(workspace_id) AS workspace_id
FROM interactions
ORDER BY workspace_id
