-- Sentiment of inbound messages over the filter's period, per group of {group_key} and in total
-- (grouping(key) = 1). Classes as DESIGN.md "Sentiment": positive ≥ 0.05, negative ≤ −0.05,
-- neutral between; unscored messages (NULL) are counted apart and in no class or average. Whole
-- days come from the inbound rollup, the rest from the rows (rollup/inbound_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key,
    grouping(key) AS is_total,
    sum(inbound) AS inbound,
    sum(positive) AS positive,
    sum(neutral) AS neutral,
    sum(negative) AS negative,
    -- The mean score of the scored messages; NULL when none is.
    if(sum(scored) = 0, NULL, sum(sentiment_sum) / sum(scored)) AS average
FROM /*include:rollup/inbound_rows_fragment*/
GROUP BY GROUPING SETS ((key), ())
ORDER BY is_total, key
