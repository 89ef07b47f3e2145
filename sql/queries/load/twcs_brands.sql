-- twcs attribution (DESIGN.md, Sources): an inbound tweet belongs to the brand it replies to,
-- else to the first brand it @mentions. Scoped to the inbound tweets this load wrote, those
-- replying to outbound tweets it wrote and those still without a brand, so a tweet that arrives
-- before its parent or before its brand's first tweet, in another file or run, is attributed
-- once they are in. Only rows whose brand changes are rewritten.
INSERT INTO interactions
WITH
    (
        SELECT CAST((groupArray(handle), groupArray(brand)), 'Map(String, String)')
        FROM
        (
            SELECT arrayJoin(handles) AS handle, any(brand) AS brand
            FROM brands FINAL
            WHERE workspace_id = {workspace_id:String}
            GROUP BY handle
        )
    ) AS brand_of_handle,
    run_outbound AS
    (
        SELECT interaction_id
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND ingest_run_id = {run_id:String}
          AND direction = 'outbound'
    )
SELECT i.* REPLACE (
    if(p.brand != '', p.brand,
       -- First @mention that is a brand handle; '' when none is.
       brand_of_handle[arrayFirst(m -> mapContains(brand_of_handle, m), extractAll(lower(i.text), '@([a-z0-9_]+)'))]
    ) AS brand,
    {version:UInt64} AS version
)
FROM
(
    SELECT *
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND source = 'twcs'
      AND direction = 'inbound'
      -- Unattributed rows too: a brand this load discovered may be the one they mention.
      AND (ingest_run_id = {run_id:String} OR parent_id IN (SELECT interaction_id FROM run_outbound) OR brand = '')
) AS i
LEFT JOIN
(
    SELECT interaction_id, brand
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND source = 'twcs'
      AND direction = 'outbound'
) AS p ON p.interaction_id = i.parent_id
WHERE brand != i.brand
