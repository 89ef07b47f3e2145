-- The Response figures of one group of inbound messages, re-aggregated from the measures of a
-- rows fragment (rollup/inbound_rows_fragment.sql, rollup/inbound_hourly_rows_fragment.sql): a
-- SELECT list for response/response.sql, response/response_total.sql and
-- response/response_by_hour_of_week.sql.
-- The FRT figures are computed only when asked ({frt_quantiles}, {frt_mean},
-- {business_frt_quantiles}, {business_frt_mean}: ResponseRepository.build in
-- api/src/response/response.repository.ts; a request that selects none of a part's fields skips
-- it). They are the costly ones: exact quantiles over every answered message's FRT, each part
-- reading its own array column. A constant false folds the aggregate away, column read included.
    sum(inbound) AS inbound,
    sum(replied) AS replied,
    sum(pending) AS pending,
    sum(missed) AS missed,
    sum(bot_replied) AS bot_replied,
    -- Linear interpolation between order statistics, as the Overview; NaN when nothing replied.
    if({frt_quantiles:Bool}, quantilesExactInclusiveArray(0.5, 0.9, 0.95)(frt_values), CAST([], 'Array(Float64)')) AS frt,
    if({frt_mean:Bool}, avgArray(frt_values), CAST(NULL, 'Nullable(Float64)')) AS frt_mean,
    if({business_frt_quantiles:Bool}, quantilesExactInclusiveArray(0.5, 0.9, 0.95)(business_frt_values), CAST([], 'Array(Float64)'))
        AS business_frt,
    if({business_frt_mean:Bool}, avgArray(business_frt_values), CAST(NULL, 'Nullable(Float64)')) AS business_frt_mean
