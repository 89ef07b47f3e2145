-- Sentiment of inbound messages per {bucket} ('day' or 'week' starting Monday, UTC) over the
-- period. Empty buckets are not returned; the api fills them.
SELECT
    toString(if({bucket:String} = 'day', toDate(created_at), toMonday(created_at))) AS key,
    count() AS inbound,
    countIf(sentiment >= 0.05) AS positive,
    countIf(sentiment > -0.05 AND sentiment < 0.05) AS neutral,
    countIf(sentiment <= -0.05) AS negative,
    avgOrNullIf(toFloat64(sentiment), sentiment IS NOT NULL) AS average
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY key
ORDER BY key
