-- Writes what the workspace's interaction data covers (workspace/data_range_fragment.sql) to
-- workspace_data, under {generation} (the latest wins), for the api's workspace query.
INSERT INTO workspace_data (workspace_id, channels, data_from, data_to, inbound, generation)
SELECT {workspace_id:String}, channels, data_from, data_to, inbound, {generation:UInt64}
FROM
(
/*include:workspace/data_range_fragment*/
)
