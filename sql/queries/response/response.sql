-- Response figures of inbound messages over the filter's period, per group of {group_key} and in
-- total (DESIGN.md "Reply", "Response rate", "First response time"). The total row is ROLLUP's
-- grouping(key) = 1 (none for a period without messages, or when not asked: the service reports
-- zeros); without a grouping, response/response_total.sql. Whole days come from the inbound
-- rollup, the rest from the rows (rollup/inbound_rows_fragment.sql); the FRT quantiles are taken
-- over every answered message's FRT, as they would be over the rows.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key,
    grouping(key) AS is_total,
    /*include:response/response_figures_fragment*/
FROM /*include:rollup/inbound_rows_fragment*/
-- The grouping marker is ROLLUP(key) with the total row, key without it (a request that does
-- not ask for the total, as the heatmap's: ResponseRepository.build). ROLLUP, not GROUPING SETS
-- ((key), ()): the total merges the groups' states instead of adding every FRT value a second
-- time (~50 ms of CPU over 365 days at 10 M interactions).
GROUP BY /*grouping*/
ORDER BY is_total, key
