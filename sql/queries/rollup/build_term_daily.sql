-- The rollup pass for terms: rebuilds the given days of a workspace's term_daily rollup (migration
-- 0020) from its inbound messages under a new {generation}; rollup/mark_days.sql then makes it
-- the days' current build and rollup/drop_superseded_days.sql deletes the older ones. Each
-- message counts once per term it has (terms/message_terms_fragment.sql, as top terms reads rows).
INSERT INTO term_daily
    (workspace_id, day, brand, channel, is_public, segment, sentiment_class, term, messages, generation)
SELECT
    i.workspace_id AS workspace_id,
    toDate(i.created_at, 'UTC') AS day,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer (or a customer without a row): as the rows' segment filter sees it.
    c.segment AS segment,
    -- The class as the sentiments filter names it (sql/src/filter.ts); NULL (unscored) is ''.
    /*include:rollup/sentiment_class_fragment*/ AS sentiment_class,
    term,
    count() AS messages,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
-- After the join: the customers are looked up once per message, not once per term.
ARRAY JOIN /*include:terms/message_terms_fragment*/ AS term
WHERE /*include:rollup/day_rows_fragment*/
GROUP BY workspace_id, day, brand, channel, is_public, segment, sentiment_class, term
