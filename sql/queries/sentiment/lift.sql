-- Sentiment lift after a reply (DESIGN.md "Sentiment lift"): for each replied, scored inbound
-- message of the period (the filter applies to it), the same customer's next inbound message in
-- the same thread (within 30 days of the period's end), minus it. Pairs whose next message is
-- unscored, or that have none, are left out.
WITH base AS
(
    SELECT interaction_id, thread_id
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
    SELECT
        interaction_id,
        toFloat64(next_sentiment) - toFloat64(sentiment) AS lift
    FROM
    (
        SELECT
            interaction_id,
            sentiment,
            -- NULL when there is no next message (the default of a Nullable column) or it is unscored.
            leadInFrame(sentiment) OVER (
                -- The customer, else the author's handle when the customer is unresolved.
                PARTITION BY thread_id, if(customer_id != '', customer_id, author_handle)
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
          AND thread_id IN (SELECT thread_id FROM base)
    )
    WHERE interaction_id IN (SELECT interaction_id FROM base)
      AND next_sentiment IS NOT NULL
)
