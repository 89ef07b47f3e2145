-- One page of the gap queue (DESIGN.md "Response gap"), from the candidates (of customers
-- {customers}) that gap_queue/candidates.sql found: worst first — lowest sentiment (an unscored
-- message counts as neutral, 0), public before private, highest reach, highest customer value;
-- then oldest first and by id, so the order is total and a cursor is a position in it.
-- The after marker is empty on the first page, else a keyset condition on sort_key. Candidates of
-- the missed_daily rollup's days are {rollup_ids} (sentiments {rollup_ranks}, times {rollup_times}),
-- read from it at the builds candidates.sql read (missedWindow's parameters); the others are {ids}
-- (times {times}), read from the rows, where the missed conditions are checked again: a reply may
-- have arrived since the candidates were read. {unvalued} are those of {customers} without a
-- predicted CLV in the latest run (historical value is then summed from their purchases).
WITH
    (SELECT if(count() = 0, 24, any(sla_hours)) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS sla_hours,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(assumeNotNull(sla_hours) * 3600000)) AS sla_cutoff,
    -- Customer value comes from the workspace's latest CLV run ('' when it has none).
    (SELECT argMax(run_id, fitted_at) FROM model_runs WHERE workspace_id = {workspace_id:String}) AS latest_run,
    missed AS
    (
        -- missed_daily holds what a page shows (migration 0030), sorted by (sentiment, time, id): only
        -- the candidates' granules are read, where the rows' FINAL read each one's whole granule.
        SELECT
            r.interaction_id AS interaction_id, r.created_at AS created_at, r.brand AS brand, r.channel AS channel,
            r.is_public AS is_public, r.author_handle AS author_handle, r.author_followers AS author_followers,
            r.impressions AS impressions, r.customer_id AS customer_id, r.text AS text, r.sentiment AS sentiment
        FROM missed_daily AS r
        WHERE /*include:rollup/read_window_fragment*/
          AND r.rank_sentiment IN {rollup_ranks:Array(Float64)}
          AND r.created_at IN {rollup_times:Array(DateTime64(3))}
          AND r.interaction_id IN {rollup_ids:Array(String)}
        UNION ALL
        SELECT interaction_id, created_at, brand, channel, is_public, author_handle, author_followers, impressions, customer_id, text, sentiment
        FROM interactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND created_at >= {from:DateTime64(3)}
          AND created_at < {to:DateTime64(3)}
          -- The candidates' times first: the sorting key then reads only their granules.
          AND created_at IN {times:Array(DateTime64(3))}
          AND interaction_id IN {ids:Array(String)}
          AND direction = 'inbound'
          AND created_at < sla_cutoff
          AND first_reply_at IS NULL
    )
SELECT
    page.*,
    c.name AS customer_name,
    c.segment AS customer_segment
FROM
(
    SELECT
        m.interaction_id AS interaction_id,
        m.created_at AS created_at,
        toString(m.brand) AS brand,
        toString(m.channel) AS channel,
        m.is_public AS is_public,
        m.author_handle AS author_handle,
        m.customer_id AS customer_id,
        m.text AS text,
        m.sentiment AS sentiment,
        dateDiff('millisecond', m.created_at, {now:DateTime64(3)}) / 1000 AS age_seconds,
        -- Reach: impressions of the latest engagement snapshot (on the row, migration 0015), else
        -- the author's followers.
        coalesce(m.impressions, toUInt64(m.author_followers)) AS reach,
        -- Predicted CLV of the latest run, else historical value (sum of transactions, refunds
        -- subtracted); NULL without a customer.
        if(m.customer_id = '', NULL, coalesce(v.predicted_clv, toFloat64(t.historical_value), 0)) AS customer_value,
        -- Every part ascending, so a keyset condition is one tuple comparison.
        tuple(
            coalesce(toFloat64(m.sentiment), 0),
            toUInt8(NOT m.is_public),
            -toInt64(coalesce(reach, 0)),
            -coalesce(customer_value, 0),
            toUnixTimestamp64Milli(m.created_at),
            m.interaction_id
        ) AS sort_key
    FROM missed AS m
    LEFT JOIN
    (
        SELECT customer_id, max(predicted_clv) AS predicted_clv
        FROM customer_value
        WHERE workspace_id = {workspace_id:String}
          AND run_id = latest_run
          AND customer_id IN {customers:Array(String)}
        GROUP BY customer_id
    ) AS v ON v.customer_id = m.customer_id
    LEFT JOIN
    (
        -- Only for {unvalued}, the customers without a prediction (gap_queue/valued_customers.sql):
        -- a customer's purchases are spread over the whole table (sorted by time), so each one
        -- looked up costs reading most of it; none, and nothing is read.
        SELECT customer_id, sum(if(kind = 'refund', -abs(amount), amount)) AS historical_value
        FROM transactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND customer_id IN {unvalued:Array(String)}
        GROUP BY customer_id
    ) AS t ON t.customer_id = m.customer_id
    WHERE 1 /*after*/
    ORDER BY sort_key
    LIMIT {limit:UInt32}
) AS page
LEFT JOIN
(
    SELECT customer_id, name, segment
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
      AND customer_id IN {customers:Array(String)}
) AS c ON c.customer_id = page.customer_id
ORDER BY page.sort_key
SETTINGS join_use_nulls = 1
