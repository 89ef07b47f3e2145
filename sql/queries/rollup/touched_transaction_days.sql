-- The days of the transactions written at {since_version} or later (a load's). No FINAL: an
-- unmerged older version only adds a day.
SELECT DISTINCT toString(toDate(occurred_at, 'UTC')) AS day
FROM transactions
WHERE workspace_id = {workspace_id:String}
  AND version >= {since_version:UInt64}
