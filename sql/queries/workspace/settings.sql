-- A workspace's settings row (the newest version). No row: the api falls back to the column
-- defaults of migration 0001.
SELECT workspace_id, name, currency, timezone, sla_hours
FROM workspaces FINAL
WHERE workspace_id = {workspace_id:String}
