-- Response figures of inbound messages over the filter's period, per group of {group_key} and in
-- total (DESIGN.md "Reply", "Response rate", "First response time"). The total row is the empty
-- grouping set: grouping(key) = 1. Whole days come from the inbound rollup, the rest from the rows
-- (rollup/inbound_rows_fragment.sql); the FRT quantiles are taken over every answered message's
-- FRT, as they would be over the rows.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key,
    grouping(key) AS is_total,
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
FROM /*include:rollup/inbound_rows_fragment*/
GROUP BY GROUPING SETS ((key), ())
ORDER BY is_total, key
