-- The gap queue's candidates for one page (DESIGN.md "Response gap"): missed inbound messages of
-- the period — unanswered and older than the workspace's SLA at {now}. The queue is ordered by
-- sentiment first (see gap_queue/page.sql), so a page can only hold messages whose sentiment is
-- at most the {limit}-th lowest above the cursor's ({after_sentiment}; −2 on the first page),
-- plus those tied with the cursor's own sentiment, whose place depends on the later keys. This
-- keeps the joins of page.sql to a few rows instead of the whole queue.
WITH
    (SELECT if(count() = 0, 24, any(sla_hours)) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours) * 3600000)) AS sla_cutoff,
    (
        SELECT maxOrNull(rank_sentiment)
        FROM
        (
            -- An unscored message ranks as neutral (0).
            SELECT coalesce(toFloat64(sentiment), 0) AS rank_sentiment
            FROM interactions FINAL
            WHERE workspace_id = {workspace_id:String}
              AND direction = 'inbound'
              AND created_at >= {from:DateTime64(3)}
              AND created_at < {to:DateTime64(3)}
              AND created_at < sla_cutoff
              AND first_reply_at IS NULL
              AND rank_sentiment > {after_sentiment:Float64}
              /*filter*/
            ORDER BY rank_sentiment
            LIMIT {limit:UInt32}
        )
    ) AS bound
SELECT interaction_id, customer_id, created_at
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  AND created_at < sla_cutoff
  AND first_reply_at IS NULL
  AND coalesce(toFloat64(sentiment), 0) >= {after_sentiment:Float64}
  -- NULL (nothing above the cursor) keeps only the ties with the cursor.
  AND coalesce(toFloat64(sentiment), 0) <= ifNull(bound, {after_sentiment:Float64})
  /*filter*/
