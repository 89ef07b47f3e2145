-- The Response measures of the period's inbound messages per /*group_key*/, for a FROM clause, as
-- rollup/inbound_rows_fragment.sql gives them but with whole days from the inbound_hourly rollup
-- (migration 0029), for a key that needs the hour (the local hour of the week): the days
-- {rollup_from} to {rollup_to} (exclusive) from the rollup when `hours_exact` (every UTC hour of
-- those days falls in one local hour), the rest of the period from the rows, grouped the same way.
-- A query over it re-aggregates: it sums the counts and concatenates the FRT arrays, so quantiles
-- stay exact. {use_rollup} false (a filter the rollup does not keep, a stale or missing day:
-- hourlyWindow in sql/src/inbound-rollup.ts) or `hours_exact` false reads the whole period from
-- the rows. Needs rollup/calendar_fragment's items and `hours_exact`. Markers: group_key and
-- group_join over `i` (interactions) with filter (interactionFilter), rollup_group_key over `r`
-- with rollup_filter (hourlyRollupFilter).
(
    SELECT
        /*rollup_group_key*/ AS key,
        -- Always 0 in the rollup: a day is read from it only once the SLA cutoff has passed its end.
        inbound, replied, toUInt64(0) AS pending, missed, bot_replied, frt_values, business_frt_values
    FROM inbound_hourly AS r
    WHERE /*include:rollup/read_window_fragment*/
      AND hours_exact
      /*rollup_filter*/
    UNION ALL
    SELECT key, inbound, replied, pending, missed, bot_replied, frt_values, business_frt_values
    FROM
    (
        SELECT
            /*group_key*/ AS key,
            /*include:rollup/inbound_measures_fragment*/
        FROM interactions AS i FINAL
        /*group_join*/
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.created_at >= {from:DateTime64(3)}
          AND i.created_at < {to:DateTime64(3)}
          -- Two ranges of the sorting key, so only their granules are read (hours_exact is a constant).
          AND (NOT ({use_rollup:Bool} AND hours_exact)
               OR i.created_at < toDateTime64({rollup_from:Date}, 3, 'UTC')
               OR i.created_at >= toDateTime64({rollup_to:Date}, 3, 'UTC'))
          /*filter*/
        GROUP BY key
    )
)
