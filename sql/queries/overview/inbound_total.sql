-- overview/inbound_kpis.sql without the trend: the period's total row alone (the compare period's
-- KPIs). Its buckets would cost their FRT quantiles and a second pass of every FRT value for
-- figures nobody shows; without GROUP BY there is one row, zeros for a period without messages.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    '' AS bucket,
    1 AS is_total,
    /*include:overview/inbound_figures_fragment*/
FROM /*include:rollup/inbound_rows_fragment*/
