-- The rollup pass for service effects: rebuilds the given days of a workspace's
-- customer_contacts_daily rollup (migration 0032), its customers' opening inbound messages, under
-- a new {generation}; rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones. What value/service_effects.sql reads of
-- each such message from the rows (its contact_rows), with the same fragments.
INSERT INTO customer_contacts_daily
    (workspace_id, day, customer_key, brand, channel, is_public, segment, agent, sentiment_class, created_at,
     answered, frt_ms, generation)
SELECT
    i.workspace_id AS workspace_id,
    toDate(i.created_at, 'UTC') AS day,
    cityHash64(i.customer_id) AS customer_key,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer row: as the rows' segment filter sees it.
    c.segment AS segment,
    i.first_reply_agent AS agent,
    /*include:rollup/sentiment_class_fragment*/ AS sentiment_class,
    i.created_at AS created_at,
    tupleElement((/*include:value/answer_fragment*/), 1) AS answered,
    tupleElement((/*include:value/answer_fragment*/), 2) AS frt_ms,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
WHERE /*include:rollup/day_rows_fragment*/
  AND i.customer_id != ''
  -- The opening message of a thread decides; nudges and follow-ups inside it do not.
  AND i.parent_id = ''
