-- What the workspace's interaction data covers (workspace/data_range_fragment.sql), as the last
-- load's rollup pass wrote it (workspace_data, migration 0017): every page asks for it first, and
-- working it out scans the workspace. No row (data loaded before that migration and not yet
-- refreshed): the api reads workspace/data_range_scan.sql instead.
SELECT channels, data_from, data_to, inbound
FROM workspace_data FINAL
WHERE workspace_id = {workspace_id:String}
