-- A workspace's settings that inbound figures depend on (migration 0001 defaults when it has no
-- row) and the days of its inbound rollup (migration 0016): per day in order, whether it was built
-- with the current calendar and its current generation. The api reads it once per data version and
-- passes it to every query over rollup/inbound_rows_fragment.sql (rollupWindow in
-- sql/src/inbound-rollup.ts decides which days come from the rollup); the rollup pass reads it to
-- find stale and missing days.
WITH
    (
        SELECT tuple(
            if(count() = 0, 'UTC', toString(any(timezone))),
            if(count() = 0, [1, 2, 3, 4, 5], any(business_days)),
            if(count() = 0, 540, any(business_start_minute)),
            if(count() = 0, 1020, any(business_end_minute)),
            if(count() = 0, 24, any(sla_hours)))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS settings,
    -- A scalar subquery's values are Nullable; the if(count() = 0, …) above makes them never NULL.
    assumeNotNull(settings.1) AS tz,
    assumeNotNull(settings.2) AS business_days,
    assumeNotNull(settings.3) AS business_start,
    assumeNotNull(settings.4) AS business_end,
    -- What a day's build depends on: the calendar of business-time FRT, and the rollup's version
    -- (2: lift measures, migration 0018; 3: customers, 0019). A day built with another is stale.
    concat('3|', tz, '|', toString(business_days), '|', toString(business_start), '|', toString(business_end)) AS calendar
SELECT
    tz,
    business_days,
    business_start,
    business_end,
    toFloat64(assumeNotNull(settings.5)) AS sla_hours,
    calendar,
    count() AS days,
    toString(min(day)) AS first_day,
    toString(max(day)) AS last_day,
    arrayMap(d -> toString(d.1), arraySort(groupArray((day, fresh)))) AS day_list,
    arrayMap(d -> d.2, arraySort(groupArray((day, fresh)))) AS fresh_list,
    arrayMap(d -> toString(d.2), arraySort(groupArray((day, current_generation)))) AS generation_list
FROM
(
    SELECT day, argMax(built_with, generation) = calendar AS fresh, max(generation) AS current_generation
    FROM rollup_days
    WHERE workspace_id = {workspace_id:String}
      AND rollup = 'inbound_daily'
    GROUP BY day
)
