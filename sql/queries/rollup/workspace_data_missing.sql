-- The workspaces with interactions but no workspace_data row (loaded before migration 0017).
SELECT DISTINCT toString(workspace_id) AS workspace_id
FROM interactions
WHERE workspace_id NOT IN (SELECT workspace_id FROM workspace_data)
