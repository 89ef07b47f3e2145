-- The rollup pass for top posts: rebuilds the given days of a workspace's public_posts_daily
-- rollup (migration 0025), its public inbound messages with their amplification and reach (as
-- amplification/top_posts.sql computes them), under a new {generation};
-- rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones.
INSERT INTO public_posts_daily
    (workspace_id, neg_amplification, neg_reach, created_at, interaction_id, day, brand, channel, is_public, segment,
     agent, sentiment_class, generation)
SELECT
    i.workspace_id AS workspace_id,
    -toInt64(toUInt64(i.shares) + i.quotes) AS neg_amplification,
    -toInt64(coalesce(i.impressions, toUInt64(i.author_followers), 0)) AS neg_reach,
    i.created_at AS created_at,
    i.interaction_id AS interaction_id,
    toDate(i.created_at, 'UTC') AS day,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer (or a customer without a row).
    c.segment AS segment,
    i.first_reply_agent AS agent,
    /*include:rollup/sentiment_class_fragment*/ AS sentiment_class,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
WHERE /*include:rollup/day_rows_fragment*/
  AND i.is_public
