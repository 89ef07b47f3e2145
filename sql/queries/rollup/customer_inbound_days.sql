-- The days of the inbound messages of the customers a load wrote (at {since_version} or later):
-- their segment or lifecycle stage may have changed, and the rollup groups by both.
SELECT DISTINCT toString(toDate(created_at, 'UTC')) AS day
FROM interactions
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND customer_id IN
  (
      SELECT customer_id
      FROM customers
      WHERE workspace_id = {workspace_id:String}
        AND version >= {since_version:UInt64}
  )
