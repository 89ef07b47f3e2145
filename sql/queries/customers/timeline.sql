-- A customer's 360° timeline across channels, newest first: their messages (inbound, with the
-- first-reply facts of the link pass), the brand's replies to them (outbound rows carry no
-- customer id: they are found through parent_id), and their transactions. Keyset pagination on
-- (at, event_id) descending, strictly before the cursor.
-- The times and ids of the messages, replies and transactions come from customer_messages,
-- message_replies and customer_transactions (migration 0021: every version a row had), so
-- `interactions` and `transactions` are read by their sorting keys, each once, by exact (time, id)
-- pairs; of each row the latest version (the one FINAL keeps, LIMIT 1 BY) is checked again for the
-- customer and the parent. At bench large this read 3 times less often (FINAL three times over
-- `interactions`, each key lookup run again for each use): ~125 against ~190 ms of CPU for the
-- first page.
WITH
    message_keys AS
    (
        SELECT created_at, interaction_id
        FROM customer_messages
        WHERE workspace_id = {workspace_id:String}
          AND customer_id = {customer_id:String}
    ),
    reply_keys AS
    (
        SELECT created_at, interaction_id
        FROM message_replies
        WHERE workspace_id = {workspace_id:String}
          AND parent_id IN (SELECT interaction_id FROM message_keys)
    ),
    -- The latest version of every message and reply looked up, in one read of `interactions`.
    latest AS
    (
        SELECT interaction_id, created_at, direction, customer_id, parent_id, channel, brand, is_public,
               author_kind, author_handle, agent, text, sentiment, first_reply_at, first_bot_reply_at
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND (created_at, interaction_id) IN (SELECT * FROM message_keys UNION ALL SELECT * FROM reply_keys)
        ORDER BY version DESC
        LIMIT 1 BY created_at, interaction_id
    ),
    -- Every row with the ids of the customer's messages as they are now (a window over the few
    -- rows, not a second read): a reply counts only if its parent is one of them.
    service AS
    (
        SELECT
            *,
            groupArrayIf(interaction_id, direction = 'inbound' AND customer_id = {customer_id:String}) OVER () AS messages
        FROM latest
    ),
    transaction_rows AS
    (
        SELECT transaction_id, occurred_at, customer_id, kind, amount, currency
        FROM transactions
        WHERE workspace_id = {workspace_id:String}
          AND (occurred_at, transaction_id) IN (
                SELECT occurred_at, transaction_id
                FROM customer_transactions
                WHERE workspace_id = {workspace_id:String}
                  AND customer_id = {customer_id:String})
        ORDER BY version DESC
        LIMIT 1 BY occurred_at, transaction_id
    )
SELECT event_kind, event_id, at, channel, brand, is_public, author, text, sentiment, in_reply_to,
       first_reply_at, first_bot_reply_at, transaction_kind, amount, currency
FROM
(
    SELECT
        if(direction = 'inbound', 'message', 'reply') AS event_kind,
        interaction_id AS event_id,
        created_at AS at,
        toString(channel) AS channel,
        toString(brand) AS brand,
        is_public,
        -- A reply's author is its agent, or the kind of automation that sent it.
        if(direction = 'inbound', author_handle, if(agent != '', toString(agent), toString(author_kind))) AS author,
        text,
        sentiment,
        parent_id AS in_reply_to,
        first_reply_at,
        first_bot_reply_at,
        '' AS transaction_kind,
        CAST(NULL AS Nullable(Decimal(18, 4))) AS amount,
        '' AS currency
    FROM service
    WHERE (direction = 'inbound' AND customer_id = {customer_id:String})
       OR (direction = 'outbound' AND has(messages, parent_id))
    UNION ALL
    SELECT
        'transaction' AS event_kind,
        transaction_id AS event_id,
        occurred_at AS at,
        '' AS channel,
        '' AS brand,
        CAST(NULL AS Nullable(Bool)) AS is_public,
        '' AS author,
        '' AS text,
        CAST(NULL AS Nullable(Float32)) AS sentiment,
        '' AS in_reply_to,
        CAST(NULL AS Nullable(DateTime64(3, 'UTC'))) AS first_reply_at,
        CAST(NULL AS Nullable(DateTime64(3, 'UTC'))) AS first_bot_reply_at,
        toString(kind) AS transaction_kind,
        CAST(amount AS Nullable(Decimal(18, 4))) AS amount,
        toString(currency) AS currency
    FROM transaction_rows
    WHERE customer_id = {customer_id:String}
)
WHERE (at, event_id) < ({before_at:DateTime64(3)}, {before_id:String})
ORDER BY at DESC, event_id DESC
LIMIT {limit:UInt32}
