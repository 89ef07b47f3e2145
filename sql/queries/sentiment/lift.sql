-- Sentiment lift after a reply (DESIGN.md "Sentiment lift"): for each replied, scored inbound
-- message of the period (the filter applies to it), the same customer's next inbound message in
-- the same thread (within 30 days of the period's end), minus it. Pairs whose next message is
-- unscored, or that have none, are left out. The next message is on the row (migration 0018);
-- whole days come from the inbound rollup, the rest from the rows (rollup/inbound_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/,
    -- A pair counts when its next message came before this (the 30-day allowance).
    {to:DateTime64(3)} + INTERVAL 30 DAY AS next_by,
    sum(lift_pairs) + sum(arrayCount(t -> t < next_by, late_lift_at)) AS pair_count
SELECT
    pair_count AS pairs,
    if(pair_count = 0, NULL,
       (sum(lift_sum) + sum(arraySum(arrayFilter((v, t) -> t < next_by, late_lift, late_lift_at)))) / pair_count) AS average,
    sum(lift_improved) + sum(arrayCount((v, t) -> v > 0 AND t < next_by, late_lift, late_lift_at)) AS improved,
    sum(lift_worsened) + sum(arrayCount((v, t) -> v < 0 AND t < next_by, late_lift, late_lift_at)) AS worsened
FROM /*include:rollup/inbound_rows_fragment*/
