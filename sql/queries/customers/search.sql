-- Customers of the workspace whose name, e-mail or one of whose handles contains the search text,
-- case-insensitively, in id order for keyset pagination (customer_id > {after}).
-- {pattern} is '%text%' with LIKE's metacharacters (\ % _) escaped by the api, so the text matches
-- literally; {handle_pattern} the same without a leading '@' (identities store handles without it).
SELECT customer_id, name, email, segment, lifecycle_stage, country, first_seen_at
FROM customers FINAL
WHERE workspace_id = {workspace_id:String}
  AND customer_id > {after:String}
  AND (
        name ILIKE {pattern:String}
     OR email ILIKE {pattern:String}
     OR customer_id IN (
            SELECT customer_id
            FROM identities FINAL
            WHERE workspace_id = {workspace_id:String}
              AND handle ILIKE {handle_pattern:String}
        )
  )
ORDER BY customer_id
LIMIT {limit:UInt32}
