-- The segment of the customers of one export page, read by primary key (workspace_id, customer_id).
SELECT customer_id, segment
FROM customers FINAL
WHERE workspace_id = {workspace_id:String}
  AND customer_id IN {ids:Array(String)}
