-- The rollup pass: rebuilds the given days of a workspace's inbound_daily rollup (migration 0016)
-- from its interactions, under a new {generation}; rollup/mark_days.sql then makes it the
-- days' current build and rollup/drop_superseded_days.sql deletes the older ones.
-- {now} is far in the future: the rollup holds no pending message (a day is read from the rollup
-- only once the SLA cutoff has passed its end, when its unanswered messages are all missed).
INSERT INTO inbound_daily
(
    workspace_id, day, brand, channel, is_public, segment, lifecycle_stage, agent,
    inbound, replied, pending, missed, bot_replied, positive, neutral, negative, scored, sentiment_sum,
    public_messages, shares, quotes, reach, negative_public, negative_reach, answered_negative_reach,
    missed_negative_reach, pending_negative_reach, frt_values, business_frt_values,
    lift_pairs, lift_sum, lift_improved, lift_worsened, late_lift_at, late_lift, customer_keys, generation
)
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    i.workspace_id AS workspace_id,
    toDate(i.created_at, 'UTC') AS day,
    i.brand AS brand,
    i.channel AS channel,
    i.is_public AS is_public,
    -- '' without a customer (or a customer without a row): as the SEGMENT grouping of the rows.
    c.segment AS segment,
    c.lifecycle_stage AS lifecycle_stage,
    i.first_reply_agent AS agent,
    /*include:rollup/inbound_measures_fragment*/,
    {generation:UInt64} AS generation
FROM interactions AS i FINAL
/*include:rollup/day_customers_fragment*/
WHERE /*include:rollup/day_rows_fragment*/
GROUP BY workspace_id, day, brand, channel, is_public, segment, lifecycle_stage, agent
