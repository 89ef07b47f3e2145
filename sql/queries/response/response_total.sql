-- response/response.sql without a grouping: the total row alone. ROLLUP over one group would
-- take the FRT quantiles twice, of the same values (~50 ms of CPU over 365 days at 10 M
-- interactions); without GROUP BY there is one row, zeros for a period without messages.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    '' AS key,
    1 AS is_total,
    /*include:response/response_figures_fragment*/
FROM /*include:rollup/inbound_rows_fragment*/
