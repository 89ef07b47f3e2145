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
    -- Business seconds = B(reply) − B(message), where B(t) counts the opening milliseconds of
    -- the workspace's business days from 1970-01-01 to t on the local wall clock (t shifted by
    -- its UTC offset in the workspace's time zone): whole 7-day cycles, the business days before
    -- t's day in its cycle, and the opening time elapsed on t's day. Closed-form, so a reply
    -- weeks later costs the same as one a minute later. On the wall clock a DST day still opens
    -- at 09:00 local; a closing minute of 1440 is midnight.
    greatest(toInt64(business_end) - business_start, 0) * 60000 AS open_ms,
    toInt64(business_start) * 60000 AS open_at_ms,
    -- Business days among the first k days of a cycle; day 0 (1970-01-01) was a Thursday (ISO 4).
    arrayMap(k -> toInt64(arrayCount(w -> has(business_days, toUInt8((w + 3) % 7 + 1)), range(k))), range(8)) AS cycle_prefix,
    toUnixTimestamp64Milli(i.created_at) + toInt64(timezoneOffset(toTimeZone(i.created_at, tz))) * 1000 AS local_start,
    toUnixTimestamp64Milli(i.first_reply_at) + toInt64(timezoneOffset(toTimeZone(i.first_reply_at, tz))) * 1000 AS local_end,
    intDiv(local_start, 86400000) AS start_day,
    intDiv(local_end, 86400000) AS end_day,
    (intDiv(start_day, 7) * cycle_prefix[8] + cycle_prefix[start_day % 7 + 1]) * open_ms
        + if(has(business_days, toUInt8((start_day + 3) % 7 + 1)), least(greatest(local_start - start_day * 86400000 - open_at_ms, 0), open_ms), 0)
        AS business_before_start,
    (intDiv(end_day, 7) * cycle_prefix[8] + cycle_prefix[end_day % 7 + 1]) * open_ms
        + if(has(business_days, toUInt8((end_day + 3) % 7 + 1)), least(greatest(local_end - end_day * 86400000 - open_at_ms, 0), open_ms), 0)
        AS business_before_end,
    -- NULL without a reply; clamped at 0 for a reply an hour "earlier" across a DST fall-back.
    greatest(business_before_end - business_before_start, 0) / 1000 AS business_seconds,
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
