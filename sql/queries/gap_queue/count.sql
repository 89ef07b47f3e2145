-- Size of the gap queue: missed inbound messages of the period (see gap_queue/page.sql).
WITH
    (SELECT if(count() = 0, 24, any(sla_hours)) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours) * 3600000)) AS sla_cutoff
SELECT count() AS missed
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  AND created_at < sla_cutoff
  AND first_reply_at IS NULL
  /*filter*/
