-- Deletes the builds of the given days of public_posts_daily older than {generation}, now current.
DELETE FROM public_posts_daily
WHERE workspace_id = {workspace_id:String}
  AND day IN {days:Array(Date)}
  AND generation < {generation:UInt64}
