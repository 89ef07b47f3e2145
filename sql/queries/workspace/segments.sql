-- The customer segments present in a workspace, for the filter bar.
SELECT DISTINCT segment
FROM customers FINAL
WHERE workspace_id = {workspace_id:String}
  AND segment != ''
ORDER BY segment
