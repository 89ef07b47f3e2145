-- Per inbound message `i` (interactions), as WITH items: whether it was answered, its first
-- response time in calendar and business time, its reach and its sentiment lift (DESIGN.md "Metric
-- definitions").
-- Not a query on its own; needs rollup/calendar_fragment's items.
    -- first_reply_at is the earliest reply by a person of the same brand (link pass); bot replies
    -- are in first_bot_reply_at and are not responses.
    i.first_reply_at IS NOT NULL AS is_replied,
    -- FRT in seconds; replies are linked only to later messages, but clock skew is clamped at 0.
    greatest(dateDiff('millisecond', i.created_at, i.first_reply_at), 0) / 1000 AS frt_seconds,
    -- Business seconds = B(reply) − B(message), where B(t) counts the opening milliseconds of
    -- the workspace's business days from 1970-01-01 to t on the local wall clock (t shifted by
    -- its UTC offset in the workspace's time zone): whole 7-day cycles, the business days before
    -- t's day in its cycle, and the opening time elapsed on t's day. Closed-form, so a reply
    -- weeks later costs the same as one a minute later. On the wall clock a DST day still opens
    -- at 09:00 local; a closing minute of 1440 is midnight.
    greatest(toInt64(business_end) - business_start, 0) * 60000 AS open_ms,
    toInt64(business_start) * 60000 AS open_at_ms,
    -- Business days among the first k days of a cycle; day 0 (1970-01-01) was a Thursday (ISO 4).
    arrayMap(k -> toInt64(arrayCount(w -> has(business_days, toUInt8((w + 3) % 7 + 1)), range(k))), range(8)) AS cycle_prefix,
    toUnixTimestamp64Milli(i.created_at) + toInt64(timezoneOffset(toTimeZone(i.created_at, tz))) * 1000 AS local_start,
    toUnixTimestamp64Milli(i.first_reply_at) + toInt64(timezoneOffset(toTimeZone(i.first_reply_at, tz))) * 1000 AS local_end,
    intDiv(local_start, 86400000) AS start_day,
    intDiv(local_end, 86400000) AS end_day,
    (intDiv(start_day, 7) * cycle_prefix[8] + cycle_prefix[start_day % 7 + 1]) * open_ms
        + if(has(business_days, toUInt8((start_day + 3) % 7 + 1)), least(greatest(local_start - start_day * 86400000 - open_at_ms, 0), open_ms), 0)
        AS business_before_start,
    (intDiv(end_day, 7) * cycle_prefix[8] + cycle_prefix[end_day % 7 + 1]) * open_ms
        + if(has(business_days, toUInt8((end_day + 3) % 7 + 1)), least(greatest(local_end - end_day * 86400000 - open_at_ms, 0), open_ms), 0)
        AS business_before_end,
    -- NULL without a reply; clamped at 0 for a reply an hour "earlier" across a DST fall-back.
    greatest(business_before_end - business_before_start, 0) / 1000 AS business_seconds,
    -- Reach: impressions of the latest engagement snapshot (on the row, migration 0015) where the
    -- source has them, else the author's followers where known, else nothing.
    coalesce(i.impressions, toUInt64(i.author_followers), 0) AS post_reach,
    i.sentiment <= -0.05 AS is_negative,
    -- Sentiment lift (DESIGN.md): a replied, scored message and the same author's next message in
    -- the thread (on the row since migration 0018), when that one is scored too. A period counts
    -- the pair when the next message came before its end + 30 days: always so when it came within
    -- 30 days of the message, which is in the period.
    is_replied AND i.sentiment IS NOT NULL AND i.next_sentiment IS NOT NULL AS lift_base,
    assumeNotNull(toFloat64(i.next_sentiment) - toFloat64(i.sentiment)) AS lift_value,
    i.next_at < i.created_at + INTERVAL 30 DAY AS lift_soon
