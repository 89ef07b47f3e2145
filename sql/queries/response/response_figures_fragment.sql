-- The Response figures of one group of inbound messages, re-aggregated from the measures of a
-- rows fragment (rollup/inbound_rows_fragment.sql, rollup/inbound_hourly_rows_fragment.sql): a
-- SELECT list for response/response.sql, response/response_total.sql and
-- response/response_by_hour_of_week.sql.
    sum(inbound) AS inbound,
    sum(replied) AS replied,
    sum(pending) AS pending,
    sum(missed) AS missed,
    sum(bot_replied) AS bot_replied,
    -- Linear interpolation between order statistics, as the Overview; NaN when nothing replied.
    quantilesExactInclusiveArray(0.5, 0.9, 0.95)(frt_values) AS frt,
    avgArray(frt_values) AS frt_mean,
    quantilesExactInclusiveArray(0.5, 0.9, 0.95)(business_frt_values) AS business_frt,
    avgArray(business_frt_values) AS business_frt_mean
