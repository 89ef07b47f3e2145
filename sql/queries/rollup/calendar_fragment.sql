-- The workspace's settings that inbound figures depend on, as WITH items from parameters (read by
-- rollup/inbound_coverage.sql, once per data version): the calendar of business-time FRT and the
-- SLA. Not a query on its own. Parameters: tz, business_days, business_start, business_end,
-- sla_hours and now.
    {tz:String} AS tz,
    {business_days:Array(UInt8)} AS business_days,
    {business_start:UInt16} AS business_start,
    {business_end:UInt16} AS business_end,
    -- Unanswered messages younger than the SLA, measured against {now}, are pending; older ones missed.
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64({sla_hours:Float64} * 3600000)) AS sla_cutoff
