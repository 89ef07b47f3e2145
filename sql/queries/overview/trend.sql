-- Trend of inbound volume, response rate and net sentiment over the filter's period, for the
-- Overview chart, in buckets of {bucket}: 'hour', 'day', 'week' (starting Monday) or 'month', UTC.
-- Empty buckets are not returned; the api fills them.
SELECT
    toDateTime(multiIf(
        {bucket:String} = 'hour', toStartOfHour(created_at),
        {bucket:String} = 'day', toStartOfDay(created_at),
        {bucket:String} = 'week', toDateTime(toMonday(created_at), 'UTC'),
        toDateTime(toStartOfMonth(created_at), 'UTC')
    ), 'UTC') AS bucket,
    count() AS inbound,
    countIf(first_reply_at IS NOT NULL) AS replied,
    countIf(sentiment >= 0.05) AS positive,
    countIf(sentiment <= -0.05) AS negative
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY bucket
ORDER BY bucket
