-- Service experience of each customer over the period (DESIGN.md), defined once and included by
-- value/service_value.sql, value/cohort_retention.sql and the customer lists behind them
-- (sql/src/queries.ts, include markers).
-- Not a query on its own: WITH items (the workspace's SLA, its own brands, and per customer the
-- outcome of the latest decided inbound message to an own brand, plus whether any missed message
-- was negative). Takes workspace_id, from, to and now, and the interaction filter.
-- Whole days from the customer_service_daily rollup (migration 0023: each group's latest message,
-- whether answered and its FRT), {rollup_from} to {rollup_to} (exclusive), the rest of the period from the rows:
-- customerServiceWindow's call (sql/src/inbound-rollup.ts), days before the SLA cutoff's day, so
-- their unanswered messages are all missed; {use_rollup} false reads the period from the rows.
-- Markers: filter over `i` (interactionFilter), rollup_filter over `r` (inboundRollupFilter).
    (
        SELECT if(count() = 0, 24, any(sla_hours))
        FROM workspaces FINAL
        WHERE workspace_id = {workspace_id:String}
    ) AS sla_hours_setting,
    assumeNotNull(sla_hours_setting) * 3600 AS sla_seconds,
    {now:DateTime64(3)} - toIntervalMillisecond(toInt64(sla_seconds * 1000)) AS sla_cutoff,
    own_brands AS
    (
        SELECT brand
        FROM brands FINAL
        WHERE workspace_id = {workspace_id:String} AND is_own
    ),
    decided AS
    (
        SELECT
            -- Customers by customer_key, the stored hash of the id (migration 0028): grouping and
            -- joining ~1 M customers on it costs less than on the String id.
            r.customer_key AS customer_key,
            r.last_at AS at,
            (r.last_answered, r.last_frt_ms) AS answer,
            r.missed_negative AS missed_negative
        FROM customer_service_daily AS r
        WHERE /*include:rollup/read_window_fragment*/
          AND ((SELECT count() FROM own_brands) = 0 OR r.brand IN (SELECT brand FROM own_brands))
          /*rollup_filter*/
        UNION ALL
        SELECT
            cityHash64(i.customer_id) AS customer_key,
            i.created_at AS at,
            (/*include:value/answer_fragment*/) AS answer,
            toUInt8(i.first_reply_at IS NULL AND ifNull(i.sentiment, 0) <= -0.05) AS missed_negative
        FROM interactions AS i FINAL
        WHERE i.workspace_id = {workspace_id:String}
          AND i.direction = 'inbound'
          AND i.customer_id != ''
          AND /*include:rollup/outside_rollup_fragment*/
          -- Pending (unanswered, younger than the SLA) is not an experience yet.
          AND NOT (i.first_reply_at IS NULL AND i.created_at >= sla_cutoff)
          -- Own brands only; a workspace that has not marked any counts every brand.
          AND ((SELECT count() FROM own_brands) = 0 OR i.brand IN (SELECT brand FROM own_brands))
          /*filter*/
    ),
    -- An experience's name from its code (experience_code + 1): 0 is no_contact, which is what a
    -- LEFT JOIN without a match in experiences reads.
    ['no_contact', 'missed', 'answered_fast', 'answered_slow'] AS experience_names,
    experiences AS
    (
        SELECT
            customer_key,
            -- A number, not the name: the aggregation runs over every contacted customer (640 k at
            -- 10 M interactions over 365 days) and a string in argMax cost ~20 % of the query.
            -- The code of the latest message as the low 2 bits of one max over (time in ms × 4 +
            -- code): argMax's (value, time) state cost ~25 % more CPU than a single UInt64 max over
            -- 640 k customers. Two messages of one customer at the same millisecond: the higher
            -- code (argMax kept whichever it read first).
            toUInt8(max(toUInt64(toUnixTimestamp64Milli(at)) * 4 + multiIf(answer.1 = 0, 1, answer.2 <= sla_seconds * 1000 / 4, 2, 3)) % 4)
                AS experience_code,
            max(missed_negative) AS missed_negative
        FROM decided
        GROUP BY customer_key
    )
