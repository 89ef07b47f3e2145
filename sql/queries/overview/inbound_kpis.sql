-- Overview KPIs of inbound messages over one period, and its trend per /*group_key*/ bucket (the
-- rows; the total is the row with grouping(key) = 1), in one pass over the inbound rollup and the
-- period's remaining rows (rollup/inbound_rows_fragment.sql). Definitions: DESIGN.md "Metric
-- definitions" (rollup/inbound_measures_fragment.sql). Empty buckets are not returned.
-- ROLLUP(key), not GROUPING SETS ((key), ()): the total merges the buckets' states instead of adding
-- every FRT value a second time. A period without its trend reads overview/inbound_total.sql.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key AS bucket,
    grouping(key) AS is_total,
    /*include:overview/inbound_figures_fragment*/
FROM /*include:rollup/inbound_rows_fragment*/
GROUP BY ROLLUP(key)
ORDER BY is_total, key
