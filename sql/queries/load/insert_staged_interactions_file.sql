-- Fast load path, embedded: staged CSV records (a temporary file the load wrote, read by the
-- engine's parallel CSV parser) typed, validated and normalised by the fragment, inserted at the
-- run's version. With strict = true the insert fails before writing (the batch is squashed into
-- one block: it is smaller than min_insert_block_size_rows) when a record is not `ok`, and the
-- load then sorts those records out (staged_interactions_rejected_lines, strict = false).
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
FROM file({file:String}, 'CSV', {structure:String})
)
WHERE throwIf({strict:Bool} AND NOT ok, 'resonance: staged records for the JavaScript path') = 0 AND ok
