-- What the workspace's interaction data covers: its channels and the first and last inbound
-- message, so the dashboard can default its period to the data. No FINAL: a duplicate row not yet
-- merged has the same channel and time, so it changes neither. A scan of the whole workspace, so
-- the load's rollup pass writes its result to workspace_data (rollup/write_workspace_data.sql)
-- and the api reads that (workspace/data_range.sql).
SELECT
    groupUniqArray(channel) AS channels,
    minIf(created_at, direction = 'inbound') AS data_from,
    maxIf(created_at, direction = 'inbound') AS data_to,
    countIf(direction = 'inbound') AS inbound
FROM interactions
WHERE workspace_id = {workspace_id:String}
