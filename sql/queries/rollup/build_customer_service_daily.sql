-- The rollup pass for service experience: rebuilds the given days of a workspace's
-- customer_service_daily rollup (migration 0023) from its inbound messages under a new
-- {generation}; rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones. Per group, the latest
-- message's time, answer and first response time, as value/experience_fragment.sql reads rows.
INSERT INTO customer_service_daily
    (workspace_id, day, customer_id, brand, channel, is_public, segment, agent, last_at, last_answered, last_frt_ms,
     missed_negative, missed_negative_messages, last_missed_negative_at, last_missed_negative_id, generation)
SELECT
    i.workspace_id AS workspace_id,
    toDate(i.created_at, 'UTC') AS day,
    i.customer_id AS customer_id,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer row: as the rows' segment filter sees it.
    c.segment AS segment,
    i.first_reply_agent AS agent,
    max(i.created_at) AS last_at,
    -- Both of the same (latest) message: one argMax of the pair.
    tupleElement(argMax((/*include:value/answer_fragment*/), i.created_at), 1) AS last_answered,
    tupleElement(argMax((/*include:value/answer_fragment*/), i.created_at), 2) AS last_frt_ms,
    max(i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05) AS missed_negative,
    -- For the customers at risk (value/customers_at_risk.sql): the missed negative messages, and
    -- the latest of them (migration 0027).
    countIf(i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05) AS missed_negative_messages,
    maxIf(i.created_at, i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05) AS last_missed_negative_at,
    argMaxIf(i.interaction_id, i.created_at, i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05)
        AS last_missed_negative_id,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
WHERE /*include:rollup/day_rows_fragment*/
  AND i.customer_id != ''
GROUP BY workspace_id, day, customer_id, brand, channel, is_public, segment, agent
