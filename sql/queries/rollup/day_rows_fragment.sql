-- The inbound messages of the days a rollup build rebuilds ({days}, from {first_day} to {last_day},
-- UTC): the conditions every build_*_daily.sql over inbound messages starts its WHERE with, the
-- time range first so the sorting key skips the other days.
i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.created_at >= toDateTime64({first_day:Date}, 3, 'UTC')
  AND i.created_at < toDateTime64(addDays({last_day:Date}, 1), 3, 'UTC')
  AND toDate(i.created_at, 'UTC') IN {days:Array(Date)}
