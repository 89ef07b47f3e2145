-- The days of the transactions of the customers a load wrote (at {since_version} or later): their
-- segment may have changed, and the rollup groups by it.
SELECT DISTINCT toString(toDate(occurred_at, 'UTC')) AS day
FROM transactions
WHERE workspace_id = {workspace_id:String}
  AND customer_id IN
  (
      SELECT customer_id
      FROM customers
      WHERE workspace_id = {workspace_id:String}
        AND version >= {since_version:UInt64}
  )
