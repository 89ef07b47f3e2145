-- What the workspace's interaction data covers, worked out from the rows.
/*include:workspace/data_range_fragment*/
