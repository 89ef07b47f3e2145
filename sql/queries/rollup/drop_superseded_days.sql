-- Deletes a day rollup's builds of the given days older than {generation}, now that it is current
-- (readers already skip them: they take each day's build recorded in rollup_days). {table} is the
-- rollup's table, a constant of pipelines/src/load/rollups.ts, never user input.
DELETE FROM {table:Identifier}
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
