-- Identity resolution at load (DESIGN.md, Pipelines step 3): the inbound rows a load wrote with
-- no customer get the customer their author's handle belongs to in `identities` (kind and handle
-- both normalised at load, so this is an exact match). Only rows that resolve are written again,
-- with a higher version; a source that named the customer itself is left alone.
INSERT INTO interactions
SELECT i.* REPLACE (
    id.customer_id AS customer_id,
    {version:UInt64} AS version
)
FROM
(
    SELECT *
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND ingest_run_id = {run_id:String}
      AND direction = 'inbound'
      AND customer_id = ''
      AND author_handle != ''
) AS i
INNER JOIN
(
    SELECT kind, handle, customer_id
    FROM identities FINAL
    WHERE workspace_id = {workspace_id:String}
      AND customer_id != ''
) AS id ON id.kind = i.author_kind AND id.handle = i.author_handle
