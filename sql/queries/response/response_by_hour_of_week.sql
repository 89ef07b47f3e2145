-- response/response.sql for a key that needs the hour (HOUR_OF_WEEK, the local hour of the week):
-- whole days from the inbound_hourly rollup (migration 0029), the rest from the rows
-- (rollup/inbound_hourly_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/,
    -- Whether every UTC hour of the rollup's days falls in one local hour: the zone's offset is a
    -- whole number of hours and the same at the hour's first and last second (clocks change on
    -- the hour). A zone with a :30 or :45 offset, or a change inside an hour, reads the rows. A
    -- constant, so the rows' time ranges below still select granules.
    arrayAll(
        h -> timezoneOffset(toTimeZone(h, tz)) % 3600 = 0
             AND timezoneOffset(toTimeZone(h, tz)) = timezoneOffset(toTimeZone(h + 3599, tz)),
        arrayMap(
            k -> toDateTime({rollup_from:Date}, 'UTC') + toIntervalHour(k),
            range(toUInt32(greatest(dateDiff('hour', toDateTime({rollup_from:Date}, 'UTC'), toDateTime({rollup_to:Date}, 'UTC')), 0))))
    ) AS hours_exact
SELECT
    key,
    grouping(key) AS is_total,
    /*include:response/response_figures_fragment*/
FROM /*include:rollup/inbound_hourly_rows_fragment*/
-- ROLLUP(key) with the total row, key without it, as response/response.sql.
GROUP BY /*grouping*/
ORDER BY is_total, key
