-- Fast load path, ClickHouse server: the same as insert_staged_interactions_file, with the staged
-- CSV records sent as the request body (a server cannot read the loading machine's files).
INSERT INTO interactions
(
    workspace_id, interaction_id, source, brand, channel, direction, is_public, created_at, thread_id,
    parent_id, author_kind, author_handle, author_followers, customer_id, agent, is_automated, text, lang,
    sentiment, sentiment_source, topics, csat, ingest_run_id, version
)
SELECT
    {workspace_id:String}, interaction_id, 'interactions', brand, channel, direction, is_public, created_at, thread_id,
    parent_id, author_kind, author_handle, author_followers, customer_id, agent, is_automated, text, lang,
    sentiment, 'source', topics, csat, {run_id:String}, {version:UInt64}
FROM
(
/*include:load/staged_interactions_fragment*/
FROM input({structure:String})
)
WHERE throwIf({strict:Bool} AND NOT ok, 'resonance: staged records for the JavaScript path') = 0 AND ok
FORMAT CSV
