-- A workspace's data version: changes whenever a load starts or finishes, a model run is written,
-- or the workspace's settings or brands change. The api's result cache keys on it. No FINAL and
-- only small tables: it runs before every cached read, so it must stay cheap. Only maxima: a
-- background merge changes counts of a ReplacingMergeTree, never its highest version.
SELECT concat(
    toString((SELECT max(version) FROM ingest_runs WHERE workspace_id = {workspace_id:String})), '/',
    toString((SELECT max(fitted_at) FROM model_runs WHERE workspace_id = {workspace_id:String})), '/',
    toString((SELECT max(version) FROM workspaces WHERE workspace_id = {workspace_id:String})), '/',
    toString((SELECT max(version) FROM brands WHERE workspace_id = {workspace_id:String}))
) AS version
