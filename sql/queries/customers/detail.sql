-- One customer of the workspace, with what the 360° header shows. No row: not this workspace's.
SELECT customer_id, name, email, segment, lifecycle_stage, country, first_seen_at
FROM customers FINAL
WHERE workspace_id = {workspace_id:String}
  AND customer_id = {customer_id:String}
