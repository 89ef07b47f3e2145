-- What a workspace's interaction data covers (its channels, first and last inbound message, inbound
-- count: sql/queries/workspace/data_range_fragment.sql), written by the load's rollup pass and at
-- start for data loaded before (pipelines/src/load/rollups.ts). Every dashboard page asks for it
-- first, and working it out scans the whole workspace (bench medium: ~60 ms CPU, ten times that at
-- 10 M interactions). One row per workspace; the latest generation wins.
CREATE TABLE IF NOT EXISTS workspace_data
(
    workspace_id LowCardinality(String),
    channels     Array(String),
    data_from    DateTime64(3, 'UTC'),
    data_to      DateTime64(3, 'UTC'),
    inbound      UInt64,
    generation   UInt64
)
ENGINE = ReplacingMergeTree(generation)
ORDER BY workspace_id;
