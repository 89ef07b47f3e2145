-- The UTC days with inbound messages of a workspace, in order: the rollup pass builds these (and
-- marks every day from the first to the last as built, days without a message too, so readers can
-- tell "no message" from "not built"). No FINAL: a row version not yet merged has the same time.
SELECT DISTINCT toString(toDate(created_at, 'UTC')) AS day
FROM interactions
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
ORDER BY day
