-- Daily (or hourly/weekly/monthly, by {bucket}) trend of inbound volume, response rate and net
-- sentiment over the filter's period, for the Overview chart.
SELECT
    toStartOfInterval(created_at, INTERVAL 1 DAY) AS bucket,
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
