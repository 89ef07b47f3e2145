-- The brands a workspace tracks, its own first.
SELECT brand, name, is_own
FROM brands FINAL
WHERE workspace_id = {workspace_id:String}
ORDER BY is_own DESC, brand
