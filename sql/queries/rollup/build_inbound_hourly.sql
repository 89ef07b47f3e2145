-- The rollup pass for the hour-of-week heatmap: rebuilds the given days of a workspace's
-- inbound_hourly rollup (migration 0029) from its interactions, under a new {generation};
-- rollup/mark_days.sql then makes it the days' current build and
-- rollup/drop_superseded_days.sql deletes the older ones. The measures are
-- inbound_daily's (rollup/inbound_measures_fragment.sql), per UTC hour; only those the Response
-- figures read are kept. {now} is far in the future, as for inbound_daily: no pending message.
INSERT INTO inbound_hourly
(
    workspace_id, day, hour, brand, channel, is_public, segment,
    inbound, replied, missed, bot_replied, frt_values, business_frt_values, generation
)
SELECT
    workspace_id, day, hour, brand, channel, is_public, segment,
    inbound, replied, missed, bot_replied, frt_values, business_frt_values,
    {generation:UInt64} AS generation
FROM
(
    WITH
        /*include:rollup/calendar_fragment*/,
        /*include:rollup/inbound_row_fragment*/
    SELECT
        i.workspace_id AS workspace_id,
        toDate(i.created_at, 'UTC') AS day,
        toStartOfHour(i.created_at, 'UTC') AS hour,
        i.brand AS brand,
        i.channel AS channel,
        i.is_public AS is_public,
        c.segment AS segment,
        /*include:rollup/inbound_measures_fragment*/
    FROM interactions AS i FINAL
    /*include:rollup/day_customers_fragment*/
    WHERE /*include:rollup/day_rows_fragment*/
    GROUP BY workspace_id, day, hour, brand, channel, is_public, segment
)
