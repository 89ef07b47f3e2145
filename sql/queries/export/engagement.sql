-- The latest engagement snapshot (FINAL: ReplacingMergeTree on captured_at) of the posts of one
-- export page, read by primary key (workspace_id, interaction_id).
SELECT interaction_id, shares, quotes, impressions
FROM engagement FINAL
WHERE workspace_id = {workspace_id:String}
  AND interaction_id IN {ids:Array(String)}
