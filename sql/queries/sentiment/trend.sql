-- Sentiment of inbound messages per {group_key} bucket (UTC day, or week starting Monday) over the
-- period. Empty buckets are not returned; the api fills them. Whole days come from the inbound
-- rollup, the rest from the rows (rollup/inbound_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    key,
    sum(inbound) AS inbound,
    sum(positive) AS positive,
    sum(neutral) AS neutral,
    sum(negative) AS negative,
    if(sum(scored) = 0, NULL, sum(sentiment_sum) / sum(scored)) AS average
FROM /*include:rollup/inbound_rows_fragment*/
GROUP BY key
ORDER BY key
