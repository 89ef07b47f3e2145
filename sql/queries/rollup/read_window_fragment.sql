-- The day rollup row `r` a query may read: its workspace's, of a whole day in {rollup_from} to
-- {rollup_to} (exclusive) when {use_rollup} (the window functions' call, sql/src/inbound-rollup.ts,
-- decides which days the rollup serves; the rest come from the rows), at the day's current build
-- (rollup/current_build_fragment.sql). Every reader of a day rollup starts its WHERE with it. Not a
-- query on its own: a condition over `r`.
r.workspace_id = {workspace_id:String}
AND {use_rollup:Bool}
AND r.day >= {rollup_from:Date}
AND r.day < {rollup_to:Date}
AND /*include:rollup/current_build_fragment*/
