-- The rollup pass for the gap queue: rebuilds the given days of a workspace's missed_daily rollup
-- (migration 0024), its unanswered inbound messages, under a new {generation};
-- rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones.
INSERT INTO missed_daily
    (workspace_id, rank_sentiment, day, created_at, interaction_id, customer_id, brand, channel, is_public, segment,
     sentiment_class, sentiment, author_handle, author_followers, impressions, text, generation)
SELECT
    i.workspace_id AS workspace_id,
    coalesce(toFloat64(i.sentiment), 0) AS rank_sentiment,
    toDate(i.created_at, 'UTC') AS day,
    i.created_at AS created_at,
    i.interaction_id AS interaction_id,
    i.customer_id AS customer_id,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer (or a customer without a row).
    c.segment AS segment,
    /*include:rollup/sentiment_class_fragment*/ AS sentiment_class,
    -- What a page shows (migration 0030), as gap_queue/page.sql reads it from the rows.
    i.sentiment AS sentiment,
    i.author_handle AS author_handle,
    i.author_followers AS author_followers,
    i.impressions AS impressions,
    i.text AS text,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
WHERE /*include:rollup/day_rows_fragment*/
  AND i.first_reply_at IS NULL
