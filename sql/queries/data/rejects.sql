-- The input rows one load of the workspace refused: where (file, line), why, and the raw row.
-- Keyset pagination on (file, line), strictly after the cursor.
SELECT file, line, reason, raw, rejected_at
FROM rejects
WHERE workspace_id = {workspace_id:String}
  AND run_id = {run_id:String}
  -- The first page has no cursor: ('', 0) would skip a reject of a whole unnamed input.
  AND ({first_page:Bool} OR (file, line) > ({after_file:String}, {after_line:UInt64}))
ORDER BY file, line
LIMIT {limit:UInt32}
