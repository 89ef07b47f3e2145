-- Of the candidates {candidates} (customers/search_candidates.sql), the customers whose name,
-- e-mail or one of whose handles contains the search text now, case-insensitively, in id order.
-- {pattern} is '%text%' with LIKE's metacharacters (\ % _) escaped by the api, so the text matches
-- literally; {handle_pattern} the same without a leading '@' (identities store handles without it).
WITH
    by_name AS
    (
        SELECT customer_id
        FROM customers FINAL
        WHERE workspace_id = {workspace_id:String}
          AND customer_id IN {candidates:Array(String)}
          AND (name ILIKE {pattern:String} OR email ILIKE {pattern:String})
    )
SELECT customer_id, name, email, segment, lifecycle_stage, country, first_seen_at
FROM customers FINAL
WHERE workspace_id = {workspace_id:String}
  AND customer_id IN {candidates:Array(String)}
  AND (
        name ILIKE {pattern:String}
     OR email ILIKE {pattern:String}
     OR customer_id IN (
            -- The matching handles as they are now of the candidates whose name and e-mail do not
            -- match (only those need them: at bench large the handles of 21 customers matching
            -- 'mar' by name lay in 66 granules of identities, ~100 ms of CPU). identities is sorted
            -- by kind and handle, so the handles they ever had are looked up by key, and the latest
            -- version of each (the row FINAL would keep; argMax reads only the looked-up granules,
            -- FINAL merged more: 30 against 60 ms of CPU at bench large) says whose it is, so a
            -- handle given to another customer since counts only for that customer.
            SELECT argMax(customer_id, version)
            FROM identities
            WHERE workspace_id = {workspace_id:String}
              AND (kind, handle) IN (
                    SELECT kind, handle
                    FROM customer_identities
                    WHERE workspace_id = {workspace_id:String}
                      AND customer_id IN {candidates:Array(String)}
                      AND customer_id NOT IN by_name
                      AND handle ILIKE {handle_pattern:String}
                )
            GROUP BY kind, handle
        )
  )
ORDER BY customer_id
