-- Overview KPIs from inbound messages, for the filter's period ('current') and its compare period
-- ('previous'), in one scan. The two periods never overlap (the api refuses that), so each
-- message belongs to at most one. Definitions: DESIGN.md "Metric definitions".
WITH
    -- Unanswered messages younger than the workspace's SLA are pending, older ones missed. The SLA
    -- is measured against {now}, not the end of the period: a message is pending only while it can
    -- still be answered in time.
    coalesce((SELECT any(sla_hours) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}), 24) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_hours * 3600000)) AS sla_cutoff,
    -- FRT in seconds; replies are linked only to later messages, but clock skew is clamped at 0.
    greatest(dateDiff('millisecond', i.created_at, i.first_reply_at), 0) / 1000 AS frt_seconds
SELECT
    if(i.created_at >= {from:DateTime64(3)} AND i.created_at < {to:DateTime64(3)}, 'current', 'previous') AS period,
    count() AS inbound,
    -- first_reply_at is the earliest reply by a person of the same brand (link pass); bot replies
    -- are in first_bot_reply_at and are not responses.
    countIf(i.first_reply_at IS NOT NULL) AS replied,
    countIf(i.first_reply_at IS NULL AND i.created_at >= sla_cutoff) AS pending,
    countIf(i.first_reply_at IS NULL AND i.created_at < sla_cutoff) AS missed,
    countIf(i.first_bot_reply_at IS NOT NULL) AS bot_replied,
    -- Linear interpolation between order statistics (numpy's default percentile); NaN when no reply.
    quantileExactInclusiveIf(0.5)(frt_seconds, i.first_reply_at IS NOT NULL) AS frt_p50,
    quantileExactInclusiveIf(0.9)(frt_seconds, i.first_reply_at IS NOT NULL) AS frt_p90,
    countIf(i.sentiment >= 0.05) AS positive,
    countIf(i.sentiment <= -0.05) AS negative,
    -- Reach: impressions of the latest engagement snapshot (on the row since migration 0015)
    -- where the source has them, else the author's followers where known, else nothing.
    sumIf(coalesce(i.impressions, toUInt64(i.author_followers), 0), i.is_public AND i.sentiment <= -0.05) AS amplified_negative_reach
FROM interactions AS i FINAL
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND (
        (i.created_at >= {from:DateTime64(3)} AND i.created_at < {to:DateTime64(3)})
     OR (i.created_at >= {compare_from:DateTime64(3)} AND i.created_at < {compare_to:DateTime64(3)})
  )
  /*filter*/
GROUP BY period
