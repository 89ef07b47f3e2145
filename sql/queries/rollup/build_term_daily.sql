-- The rollup pass for terms: rebuilds the given days of a workspace's term_daily rollup (migration
-- 0020) from its inbound messages under a new {generation}; rollup/mark_term_days.sql then makes it
-- the days' current build and rollup/drop_superseded_term_days.sql deletes the older ones. Each
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
    multiIf(i.sentiment >= 0.05, 'positive', i.sentiment <= -0.05, 'negative', i.sentiment > -0.05, 'neutral', '') AS sentiment_class,
    term,
    count() AS messages,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
LEFT JOIN
(
    SELECT customer_id, segment
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
) AS c ON c.customer_id = i.customer_id
-- After the join: the customers are looked up once per message, not once per term.
ARRAY JOIN /*include:terms/message_terms_fragment*/ AS term
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.created_at >= toDateTime64({first_day:Date}, 3, 'UTC')
  AND i.created_at < toDateTime64(addDays({last_day:Date}, 1), 3, 'UTC')
  AND toDate(i.created_at, 'UTC') IN {days:Array(Date)}
GROUP BY workspace_id, day, brand, channel, is_public, segment, sentiment_class, term
