-- A workspace's settings that inbound figures depend on (migration 0001 defaults when it has no
-- row) and the built days of every day rollup (rollup_days, migration 0016) as runs: consecutive
-- days whose current build is one generation, built with one `built_with` (the calendar for
-- inbound_daily and inbound_hourly, the rollup's version for the others). One query, read by the
-- api once per data version and by the rollup pass: readInboundCoverage (sql/src/inbound-rollup.ts)
-- compares built_with with what each rollup is built with now (another is stale), and the window
-- functions there turn the runs into each query's parameters (rollup/current_build_fragment.sql).
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
    assumeNotNull(settings.4) AS business_end
SELECT
    tz,
    business_days,
    business_start,
    business_end,
    toFloat64(assumeNotNull(settings.5)) AS sla_hours,
    -- What an inbound day's build depends on: the calendar of business-time FRT, and the rollup's
    -- version (2: lift measures, migration 0018; 3: customers, 0019). A day built with another is stale.
    concat('3|', tz, '|', toString(business_days), '|', toString(business_start), '|', toString(business_end)) AS calendar,
    -- (rollup, first day, last day, generation, built_with), in no order. No rollup day: [].
    groupArray((name, toString(run[1]), toString(run[-1]), toString(generation), built_with)) AS runs
FROM
(
    -- A build's days split where a day is not the day after the one before.
    SELECT name, generation, built_with,
           arrayJoin(arraySplit((d, before) -> d != before + 1, days, arrayPushFront(arrayPopBack(days), toDate(0)))) AS run
    FROM
    (
        -- Each day's current build: rollup_days keeps the highest generation per day (FINAL).
        -- `rollup` is a keyword (GROUP BY ROLLUP): quoted.
        SELECT `rollup` AS name, generation, built_with, arraySort(groupArray(day)) AS days
        FROM rollup_days FINAL
        WHERE workspace_id = {workspace_id:String}
        GROUP BY name, generation, built_with
    )
)
