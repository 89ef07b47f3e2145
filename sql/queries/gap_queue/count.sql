-- Size of the gap queue: missed inbound messages of the period (see gap_queue/page.sql), whole
-- days from the inbound rollup and the rest from the rows (rollup/inbound_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT sum(missed) AS missed
FROM /*include:rollup/inbound_rows_fragment*/
