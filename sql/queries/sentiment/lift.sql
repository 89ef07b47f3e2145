-- Sentiment lift after a reply (DESIGN.md "Sentiment lift"): for each replied, scored inbound
-- message of the period (the filter applies to it), the same customer's next inbound message in
-- the same thread (within 30 days of the period's end), minus it. Pairs whose next message is
-- unscored, or that have none, are left out.
WITH threads AS
(
    -- Threads with a replied message: only their messages are ordered. Hashes, not strings, make
    -- the set and the window's partitions cheaper (64-bit collisions are negligible here).
    SELECT cityHash64(thread_id) AS thread
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
      AND created_at >= {from:DateTime64(3)}
      AND created_at < {to:DateTime64(3)}
      AND first_reply_at IS NOT NULL
      AND sentiment IS NOT NULL
      /*filter*/
)
SELECT
    count() AS pairs,
    avgOrNull(lift) AS average,
    countIf(lift > 0) AS improved,
    countIf(lift < 0) AS worsened
FROM
(
    SELECT toFloat64(next_sentiment) - toFloat64(sentiment) AS lift
    FROM
    (
        SELECT
            sentiment,
            -- A replied, scored message of the period that the filter selects.
            created_at < {to:DateTime64(3)} AND first_reply_at IS NOT NULL AND sentiment IS NOT NULL AND (true /*filter*/) AS is_base,
            -- NULL when there is no next message (the default of a Nullable column) or it is unscored.
            leadInFrame(sentiment) OVER (
                -- The customer, else the author's handle when the customer is unresolved.
                PARTITION BY cityHash64(thread_id, if(customer_id != '', customer_id, author_handle))
                ORDER BY created_at, interaction_id
                ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING
            ) AS next_sentiment
        FROM interactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND direction = 'inbound'
          -- The next message can come after the period, never before the replied one; it is
          -- looked for up to 30 days after the period, which bounds the scan.
          AND created_at >= {from:DateTime64(3)}
          AND created_at < {to:DateTime64(3)} + INTERVAL 30 DAY
          AND cityHash64(thread_id) IN (SELECT thread FROM threads)
    )
    WHERE is_base
      AND next_sentiment IS NOT NULL
)
