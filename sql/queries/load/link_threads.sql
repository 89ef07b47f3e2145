-- Denormalises each inbound message's next message (migration 0018: next_at, next_sentiment) —
-- the next inbound message of the same author in the same thread, the author being the customer,
-- else the handle when the customer is unresolved; ties in time by id — for the threads a load
-- touched: those of the inbound rows written at {since_version} or later (its rows, and those its
-- passes rewrote, such as a customer resolved), so the result is the same whatever order a
-- thread's messages arrive in. Only rows whose next message changes are written again, with a
-- higher version. Run once per bucket of threads (cityHash64(thread_id) % buckets): a thread's
-- messages are all in one bucket.
INSERT INTO interactions
WITH
    touched AS
    (
        SELECT DISTINCT thread_id
        FROM interactions
        WHERE workspace_id = {workspace_id:String}
          AND direction = 'inbound'
          AND version >= {since_version:UInt64}
          AND cityHash64(thread_id) % {buckets:UInt64} = {bucket:UInt64}
    ),
    changed AS
    (
        SELECT interaction_id, lead_at, lead_sentiment
        FROM
        (
            SELECT
                interaction_id,
                -- Not named next_*: an alias would hide the column of the same name.
                next_at AS written_at,
                next_sentiment AS written_sentiment,
                leadInFrame(toNullable(created_at)) OVER w AS lead_at,
                leadInFrame(sentiment) OVER w AS lead_sentiment
            FROM interactions FINAL
            WHERE workspace_id = {workspace_id:String}
              AND direction = 'inbound'
              AND thread_id IN (SELECT thread_id FROM touched)
            WINDOW w AS (
                PARTITION BY cityHash64(thread_id, if(customer_id != '', customer_id, author_handle))
                ORDER BY created_at, interaction_id
                ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
        )
        WHERE NOT (written_at <=> lead_at AND written_sentiment <=> lead_sentiment)
    )
SELECT i.* REPLACE (
    c.lead_at AS next_at,
    c.lead_sentiment AS next_sentiment,
    {version:UInt64} AS version
)
FROM
(
    -- interaction_id is in the sorting key, so filtering before FINAL keeps every version of a row:
    -- only the changed rows are read whole.
    SELECT *
    FROM interactions FINAL
    PREWHERE interaction_id IN (SELECT interaction_id FROM changed)
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
) AS i
INNER JOIN changed AS c ON c.interaction_id = i.interaction_id
