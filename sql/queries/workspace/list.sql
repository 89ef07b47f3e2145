-- The workspaces the database holds, oldest first (boot: load the demo into an empty database).
SELECT workspace_id
FROM workspaces FINAL
ORDER BY created_at, workspace_id
