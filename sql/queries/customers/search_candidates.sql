-- Customers after {after} (id order) who may match a search, from two sides: the first {limit}
-- whose name or e-mail contains or contained the text ({pattern}), and the first {handle_rows} handles containing
-- it ({handle_pattern}) that a customer has or ever had (customer_identities, migration 0021: every
-- version of every handle, sorted by customer). The api takes the ids up to where both sides are
-- complete and customers/search.sql keeps those who match now. Both sides are read in id order and
-- stop early: `customer_id IN (identities FINAL … handle ILIKE …)` read every handle of the
-- workspace instead (3.2 M at bench large: about 0.4 s of CPU for each search). DISTINCT would
-- read every matching handle too, so the api removes the repeats.
SELECT 'name' AS side, customer_id
FROM
(
    -- Without FINAL: an earlier version whose name matched is a candidate too, and search.sql
    -- checks the current row (at bench large 10 against 100 ms of CPU when nothing matches).
    SELECT customer_id
    FROM customers
    WHERE workspace_id = {workspace_id:String}
      AND customer_id > {after:String}
      AND (name ILIKE {pattern:String} OR email ILIKE {pattern:String})
    ORDER BY customer_id
    LIMIT {limit:UInt32}
)
UNION ALL
SELECT 'handle' AS side, customer_id
FROM
(
    SELECT customer_id
    FROM customer_identities
    WHERE workspace_id = {workspace_id:String}
      AND customer_id > {after:String}
      AND handle ILIKE {handle_pattern:String}
    ORDER BY customer_id
    LIMIT {handle_rows:UInt32}
)
