-- A customer's handles on every channel. The customer's kinds and handles come from
-- customer_identities (migration 0021: every version a row had), so `identities` is read by its
-- sorting key; the current row is checked for the customer.
SELECT kind, handle, followers
FROM identities FINAL
WHERE workspace_id = {workspace_id:String}
  AND (kind, handle) IN (
        SELECT kind, handle
        FROM customer_identities
        WHERE workspace_id = {workspace_id:String}
          AND customer_id = {customer_id:String}
    )
  AND customer_id = {customer_id:String}
ORDER BY kind, handle
