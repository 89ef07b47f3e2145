-- The days whose inbound figures a load may have changed: those of the inbound rows written at
-- {since_version} or later (the load's rows and what its passes rewrote; rows of a later load
-- too, which only adds days to rebuild). No FINAL: an unmerged older version only adds a day.
SELECT DISTINCT toString(toDate(created_at, 'UTC')) AS day
FROM interactions
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND version >= {since_version:UInt64}
