-- Overview KPIs from inbound messages, for the filter's period ('current') and the period of the
-- same length before it ('previous'), in one scan. Definitions: DESIGN.md "Metric definitions".
WITH
    -- Unanswered messages younger than the workspace's SLA are pending, older ones missed.
    coalesce((SELECT any(sla_hours) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}), 24) AS sla_hours,
    {now:DateTime64(3)} - toIntervalSecond(toInt64(sla_hours * 3600)) AS sla_cutoff,
    -- FRT in seconds; replies are linked only to later messages, but clock skew is clamped at 0.
    greatest(dateDiff('millisecond', i.created_at, i.first_reply_at), 0) / 1000 AS frt_seconds
SELECT
    if(i.created_at >= {from:DateTime64(3)}, 'current', 'previous') AS period,
    count() AS inbound,
    countIf(i.first_reply_at IS NOT NULL) AS replied,
    countIf(i.first_reply_at IS NULL AND i.created_at >= sla_cutoff) AS pending,
    countIf(i.first_reply_at IS NULL AND i.created_at < sla_cutoff) AS missed,
    countIf(i.first_bot_reply_at IS NOT NULL) AS bot_replied,
    -- Linear interpolation between order statistics (numpy's default percentile).
    quantileExactInclusiveIf(0.5)(frt_seconds, i.first_reply_at IS NOT NULL) AS frt_p50,
    quantileExactInclusiveIf(0.9)(frt_seconds, i.first_reply_at IS NOT NULL) AS frt_p90,
    countIf(i.sentiment >= 0.05) AS positive,
    countIf(i.sentiment <= -0.05) AS negative,
    -- Reach: impressions where the source has them, else the author's followers.
    sumIf(coalesce(e.impressions, toUInt64(i.author_followers), 0), i.is_public AND i.sentiment <= -0.05) AS amplified_negative_reach
FROM interactions AS i FINAL
LEFT JOIN
(
    SELECT interaction_id, argMax(impressions, captured_at) AS impressions
    FROM engagement
    WHERE workspace_id = {workspace_id:String}
    GROUP BY interaction_id
) AS e ON e.interaction_id = i.interaction_id
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.created_at >= {previous_from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY period
SETTINGS join_use_nulls = 1
