-- The gap queue's candidates for one page (DESIGN.md "Response gap"): missed inbound messages of
-- the period — unanswered and older than the workspace's SLA at {now}. The queue is ordered by
-- sentiment first (see gap_queue/page.sql), so a page can only hold messages whose sentiment is
-- at most the {limit}-th lowest above the cursor's ({after_sentiment}; −2 on the first page),
-- plus those tied with the cursor's own sentiment, whose place depends on the later keys. This
-- keeps the joins of page.sql to a few rows instead of the whole queue.
-- Whole days {rollup_from} to {rollup_to} (exclusive) come from the missed_daily rollup (migration
-- 0024), sorted by sentiment, so the lowest are read from the start of its key; the rest of the
-- period from the rows ({use_rollup} false: all of it; missedWindow in sql/src/inbound-rollup.ts
-- decides). Markers: filter (interactionFilter) over the rows, rollup_filter over `r`.
WITH
    (SELECT if(count() = 0, 24, any(sla_hours)) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours) * 3600000)) AS sla_cutoff,
    (
        SELECT maxOrNull(rank_sentiment)
        FROM
        (
            -- The {limit} lowest of both sides' {limit} lowest (parenthesised: a trailing ORDER BY
            -- of a UNION would belong to its last SELECT only).
            SELECT rank_sentiment
            FROM
            (
                SELECT rank_sentiment
                FROM
                (
                    SELECT r.rank_sentiment AS rank_sentiment
                    FROM missed_daily AS r
                    WHERE /*include:rollup/read_window_fragment*/
                      AND r.rank_sentiment > {after_sentiment:Float64}
                      /*rollup_filter*/
                    ORDER BY r.rank_sentiment
                    LIMIT {limit:UInt32}
                )
                UNION ALL
                SELECT rank_sentiment
                FROM
                (
                    -- An unscored message ranks as neutral (0).
                    SELECT coalesce(toFloat64(sentiment), 0) AS rank_sentiment
                    FROM interactions AS i FINAL
                    WHERE workspace_id = {workspace_id:String}
                      AND direction = 'inbound'
                      AND /*include:rollup/outside_rollup_fragment*/
                      AND created_at < sla_cutoff
                      AND first_reply_at IS NULL
                      AND rank_sentiment > {after_sentiment:Float64}
                      /*filter*/
                    ORDER BY rank_sentiment
                    LIMIT {limit:UInt32}
                )
            )
            ORDER BY rank_sentiment
            LIMIT {limit:UInt32}
        )
    ) AS bound
-- Where each came from (gap_queue/page.sql reads the rollup's from missed_daily, by its sorting key).
SELECT r.interaction_id AS interaction_id, r.customer_id AS customer_id, r.created_at AS created_at,
       r.rank_sentiment AS rank_sentiment, true AS from_rollup
FROM missed_daily AS r
WHERE /*include:rollup/read_window_fragment*/
  AND r.rank_sentiment >= {after_sentiment:Float64}
  -- NULL (nothing above the cursor) keeps only the ties with the cursor.
  AND r.rank_sentiment <= ifNull(bound, {after_sentiment:Float64})
  /*rollup_filter*/
UNION ALL
SELECT interaction_id, customer_id, created_at, coalesce(toFloat64(sentiment), 0) AS rank_sentiment, false AS from_rollup
FROM interactions AS i FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND /*include:rollup/outside_rollup_fragment*/
  AND created_at < sla_cutoff
  AND first_reply_at IS NULL
  AND coalesce(toFloat64(sentiment), 0) >= {after_sentiment:Float64}
  AND coalesce(toFloat64(sentiment), 0) <= ifNull(bound, {after_sentiment:Float64})
  /*filter*/
