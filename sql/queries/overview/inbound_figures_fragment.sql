-- The Overview's inbound KPIs of one group of inbound messages, re-aggregated from the measures of
-- rollup/inbound_rows_fragment.sql: a SELECT list for overview/inbound_kpis.sql (per trend bucket
-- and in total) and overview/inbound_total.sql (the total alone).
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
