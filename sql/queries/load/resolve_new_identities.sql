-- Identities loaded after the interactions they name: the interactions whose author is one of
-- the handles this load wrote (identities at {identities_version}) take that handle's customer,
-- without the interactions being loaded again. A handle the load moved to another customer moves
-- its messages too. Rows already pointing at the right customer are not written again.
INSERT INTO interactions
SELECT i.* REPLACE (
    n.customer_id AS customer_id,
    {version:UInt64} AS version
)
FROM
(
    SELECT *
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
      AND (author_kind, author_handle) IN
      (
          SELECT kind, handle
          FROM identities
          WHERE workspace_id = {workspace_id:String}
            AND version = {identities_version:UInt64}
      )
) AS i
INNER JOIN
(
    -- FINAL: a handle replaced again since (a later load) is not this load's to apply.
    SELECT kind, handle, customer_id
    FROM identities FINAL
    WHERE workspace_id = {workspace_id:String}
      AND version = {identities_version:UInt64}
) AS n ON n.kind = i.author_kind AND n.handle = i.author_handle
WHERE i.customer_id != n.customer_id
