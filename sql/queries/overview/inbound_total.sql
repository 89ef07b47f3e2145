-- overview/inbound_kpis.sql without the trend: the period's total row alone (the compare period's
-- KPIs). Its buckets would cost their FRT quantiles and a second pass of every FRT value for
-- figures nobody shows; without GROUP BY there is one row, zeros for a period without messages.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    '' AS bucket,
    1 AS is_total,
    sum(inbound) AS inbound,
    sum(replied) AS replied,
    sum(pending) AS pending,
    sum(missed) AS missed,
    sum(bot_replied) AS bot_replied,
    -- Linear interpolation between order statistics (numpy's default percentile); NaN when no reply.
    quantilesExactInclusiveArray(0.5, 0.9)(frt_values) AS frt,
    sum(positive) AS positive,
    sum(negative) AS negative,
    sum(negative_reach) AS amplified_negative_reach
FROM /*include:rollup/inbound_rows_fragment*/
