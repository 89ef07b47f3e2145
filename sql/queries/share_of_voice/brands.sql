-- Share of voice (DESIGN.md): inbound mentions per brand over the period, overall and by
-- sentiment class. The api adds the workspace's tracked brands without mentions. Whole days come
-- from the inbound rollup, the rest from the rows (rollup/inbound_rows_fragment.sql), per
-- {group_key} = brand.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key AS brand,
    sum(inbound) AS mentions,
    sum(positive) AS positive,
    sum(neutral) AS neutral,
    sum(negative) AS negative
FROM /*include:rollup/inbound_rows_fragment*/
GROUP BY key
ORDER BY key
