-- How many rows export/messages lists for a filter: the inbound messages of the period, as the
-- drill-down panel's count (it shows the rows a page at a time).
SELECT count() AS messages
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  /*filter*/
