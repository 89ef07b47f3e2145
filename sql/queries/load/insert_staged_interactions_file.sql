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
-- No JIT for the fragment's expressions (compile_expressions): compiling them cost 0.5-1.2 s of
-- CPU in every new process (a CLI load is one) and made no measurable difference per row. The
-- insert still merges each block (optimize_on_insert, 2-3 s of CPU per 1 M rows): that marks
-- the part as merged (level 1), so FINAL reads skip merging its rows; without it the passes'
-- FINAL reads cost as much more. Set here, not in the client's settings: embedded, chDB
-- applies those with SET, for the rest of the session.
SETTINGS compile_expressions = 0
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
