-- Sentiment of inbound messages per {group_key} bucket (UTC day, or week starting Monday) over the
-- period, then the period's total (grouping(key) = 1) with its sentiment lift after a reply: one
-- pass over the period for the page's total, trend and lift. Empty buckets are not returned; the
-- api fills them. Whole days come from the inbound rollup, the rest from the rows
-- (rollup/inbound_rows_fragment.sql).
--
-- Sentiment lift (DESIGN.md "Sentiment lift"): for each replied, scored inbound message (the
-- filter applies to it), the same customer's next inbound message in the same thread (within 30
-- days of the period's end), minus it. Pairs whose next message is unscored, or that have none, are
-- left out. The next message is on the row (migration 0018). A bucket's row has its messages' lift
-- too; the api reads the total's.
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/,
    -- A pair counts when its next message came before this (the 30-day allowance).
    {to:DateTime64(3)} + INTERVAL 30 DAY AS next_by,
    sum(lift_pairs) + sum(arrayCount(t -> t < next_by, late_lift_at)) AS pair_count
SELECT
    key,
    grouping(key) AS is_total,
    sum(inbound) AS inbound,
    sum(positive) AS positive,
    sum(neutral) AS neutral,
    sum(negative) AS negative,
    if(sum(scored) = 0, NULL, sum(sentiment_sum) / sum(scored)) AS average,
    pair_count AS lift_pairs,
    if(pair_count = 0, NULL,
       (sum(lift_sum) + sum(arraySum(arrayFilter((v, t) -> t < next_by, late_lift, late_lift_at)))) / pair_count) AS lift_average,
    sum(lift_improved) + sum(arrayCount((v, t) -> v > 0 AND t < next_by, late_lift, late_lift_at)) AS lift_improved,
    sum(lift_worsened) + sum(arrayCount((v, t) -> v < 0 AND t < next_by, late_lift, late_lift_at)) AS lift_worsened
FROM /*include:rollup/inbound_rows_fragment*/
-- ROLLUP: the total merges the buckets' sums.
GROUP BY ROLLUP(key)
ORDER BY is_total, key
