-- A customer's handles on every channel.
SELECT kind, handle, followers
FROM identities FINAL
WHERE workspace_id = {workspace_id:String}
  AND customer_id = {customer_id:String}
ORDER BY kind, handle
