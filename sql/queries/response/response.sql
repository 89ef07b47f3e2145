-- Response figures of inbound messages over the filter's period, per group of {group_key} and in
-- total (DESIGN.md "Reply", "Response rate", "First response time"). The total row is the empty
-- grouping set: grouping(key) = 1.
WITH
    -- The workspace's settings (migration 0001 defaults when it has no row).
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
    -- Pending while younger than the SLA measured against {now}; missed after.
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(settings.5) * 3600000)) AS sla_cutoff,
    i.first_reply_at IS NOT NULL AS is_replied,
    greatest(dateDiff('millisecond', i.created_at, i.first_reply_at), 0) / 1000 AS frt_seconds,
    -- Business seconds: for every local day from the message to the reply, the overlap of
    -- [message, reply] with that day's opening hours, on business days only. The opening and
    -- closing instants are built from the local wall clock with makeDateTime in the workspace's
    -- time zone, so a day with a DST change opens at 09:00 local, not at midnight + 9 h.
    -- A closing minute of 1440 is midnight of the next day.
    toUnixTimestamp64Milli(i.created_at) AS start_ms,
    toUnixTimestamp64Milli(ifNull(i.first_reply_at, i.created_at)) AS end_ms,
    toDate(i.created_at, tz) AS first_day,
    arraySum(
        day -> if(
            has(business_days, toDayOfWeek(day)),
            greatest(
                toInt64(0),
                least(end_ms, toInt64(toUnixTimestamp(makeDateTime(
                    toYear(day + intDiv(business_end, 1440)), toMonth(day + intDiv(business_end, 1440)),
                    toDayOfMonth(day + intDiv(business_end, 1440)), intDiv(business_end % 1440, 60), business_end % 60, 0, tz))) * 1000)
                - greatest(start_ms, toInt64(toUnixTimestamp(makeDateTime(
                    toYear(day), toMonth(day), toDayOfMonth(day), intDiv(business_start, 60), business_start % 60, 0, tz))) * 1000)
            ),
            toInt64(0)
        ),
        arrayMap(k -> first_day + k, range(toUInt32(greatest(dateDiff('day', first_day, toDate(ifNull(i.first_reply_at, i.created_at), tz)), 0) + 1)))
    ) / 1000 AS business_seconds,
    /*group_key*/ AS key
SELECT
    key,
    grouping(key) AS is_total,
    count() AS inbound,
    countIf(is_replied) AS replied,
    countIf(NOT is_replied AND i.created_at >= sla_cutoff) AS pending,
    countIf(NOT is_replied AND i.created_at < sla_cutoff) AS missed,
    countIf(i.first_bot_reply_at IS NOT NULL) AS bot_replied,
    -- Linear interpolation between order statistics, as the Overview; NaN when nothing replied.
    quantilesExactInclusiveIf(0.5, 0.9, 0.95)(frt_seconds, is_replied) AS frt,
    avgIf(frt_seconds, is_replied) AS frt_mean,
    quantilesExactInclusiveIf(0.5, 0.9, 0.95)(business_seconds, is_replied) AS business_frt,
    avgIf(business_seconds, is_replied) AS business_frt_mean
FROM interactions AS i FINAL
/*group_join*/
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY GROUPING SETS ((key), ())
ORDER BY is_total, key
