-- A customer's handles on every channel. The customer's kinds and handles come from
-- customer_identities (migration 0021: every version a row had), so `identities` is read by its
-- sorting key; the latest version of each handle (the row FINAL would keep) must still be the
-- customer's. argMax over the looked-up granules, not FINAL: FINAL merged the parts' ranges around
-- them too (at bench large 85 against ~35 ms of CPU).
SELECT kind, handle, argMax(followers, version) AS followers
FROM identities
WHERE workspace_id = {workspace_id:String}
  AND (kind, handle) IN (
        SELECT kind, handle
        FROM customer_identities
        WHERE workspace_id = {workspace_id:String}
          AND customer_id = {customer_id:String}
    )
GROUP BY kind, handle
HAVING argMax(customer_id, version) = {customer_id:String}
ORDER BY kind, handle
