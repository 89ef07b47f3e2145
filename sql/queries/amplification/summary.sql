-- Amplification of public inbound messages over the period (DESIGN.md "Amplification"):
-- shares and quotes of the latest engagement snapshot; reach = impressions where the source has
-- them, else the author's followers, else 0; amplified negative reach split into answered, missed
-- (unanswered, older than the SLA at {now}) and pending.
WITH
    (SELECT if(count() = 0, 24, any(sla_hours)) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours) * 3600000)) AS sla_cutoff,
    -- The latest snapshot's figures are on the row (link pass, migration 0015).
    coalesce(i.impressions, toUInt64(i.author_followers), 0) AS post_reach,
    i.sentiment <= -0.05 AS is_negative,
    i.first_reply_at IS NOT NULL AS answered
SELECT
    count() AS public_messages,
    sum(i.shares) AS shares,
    sum(i.quotes) AS quotes,
    sum(post_reach) AS reach,
    countIf(is_negative) AS negative_messages,
    sumIf(post_reach, is_negative) AS negative_reach,
    sumIf(post_reach, is_negative AND answered) AS answered_negative_reach,
    sumIf(post_reach, is_negative AND NOT answered AND i.created_at < sla_cutoff) AS missed_negative_reach,
    sumIf(post_reach, is_negative AND NOT answered AND i.created_at >= sla_cutoff) AS pending_negative_reach
FROM interactions AS i FINAL
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.is_public
  AND i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  /*filter*/
