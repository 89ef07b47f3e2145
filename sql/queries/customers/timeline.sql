-- A customer's 360° timeline across channels, newest first: their messages (inbound, with the
-- first-reply facts of the link pass), the brand's replies to them (outbound rows carry no
-- customer id: they are found through parent_id), and their transactions. Keyset pagination on
-- (at, event_id) descending, strictly before the cursor.
-- The times and ids of the messages, replies and transactions come from customer_messages,
-- message_replies and customer_transactions (migration 0021: every version a row had), so
-- `interactions` and `transactions` are read by their sorting keys; the current rows are checked
-- again for the customer and the parent.
WITH
    message_keys AS
    (
        SELECT created_at, interaction_id
        FROM customer_messages
        WHERE workspace_id = {workspace_id:String}
          AND customer_id = {customer_id:String}
    ),
    messages AS
    (
        SELECT interaction_id
        FROM interactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND created_at IN (SELECT created_at FROM message_keys)
          AND interaction_id IN (SELECT interaction_id FROM message_keys)
          AND direction = 'inbound'
          AND customer_id = {customer_id:String}
    ),
    reply_keys AS
    (
        SELECT created_at, interaction_id
        FROM message_replies
        WHERE workspace_id = {workspace_id:String}
          AND parent_id IN (SELECT interaction_id FROM message_keys)
    ),
    transaction_keys AS
    (
        SELECT occurred_at, transaction_id
        FROM customer_transactions
        WHERE workspace_id = {workspace_id:String}
          AND customer_id = {customer_id:String}
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
    FROM interactions FINAL
    -- Messages and replies in two selects, not one OR: each is found by its own keys.
    WHERE workspace_id = {workspace_id:String}
      AND created_at IN (SELECT created_at FROM message_keys)
      AND interaction_id IN (SELECT interaction_id FROM message_keys)
      AND direction = 'inbound'
      AND customer_id = {customer_id:String}
    UNION ALL
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
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND created_at IN (SELECT created_at FROM reply_keys)
      AND interaction_id IN (SELECT interaction_id FROM reply_keys)
      AND direction = 'outbound'
      AND parent_id IN (SELECT interaction_id FROM messages)
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
    FROM transactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND occurred_at IN (SELECT occurred_at FROM transaction_keys)
      AND transaction_id IN (SELECT transaction_id FROM transaction_keys)
      AND customer_id = {customer_id:String}
)
WHERE (at, event_id) < ({before_at:DateTime64(3)}, {before_id:String})
ORDER BY at DESC, event_id DESC
LIMIT {limit:UInt32}
