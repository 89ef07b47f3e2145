-- The next inbound message of the same author in the same thread, on each inbound row: when it was
-- written and its sentiment (NULL: no next message; or, for next_sentiment, an unscored one). The
-- author is the customer, else the author's handle when the customer is unresolved; ties in time go
-- by interaction id (DESIGN.md "Sentiment lift": a replied message's lift is the next one's
-- sentiment minus its own). Written by the load's thread pass (load/link_threads.sql) whatever
-- order the messages arrive in, so the lift needs no window over a year of messages: that window
-- was 0.66 s of CPU at 1 M interactions (bench medium, 365 days).
ALTER TABLE interactions
    ADD COLUMN IF NOT EXISTS next_at Nullable(DateTime64(3, 'UTC')) AFTER quotes,
    ADD COLUMN IF NOT EXISTS next_sentiment Nullable(Float32) AFTER next_at;

-- The lift measures of the inbound rollup (sql/queries/rollup/inbound_measures_fragment.sql): pairs
-- whose next message came within 30 days (always inside a period's 30-day allowance) as sums, the
-- later ones one by one with the next message's time, since whether they count depends on the
-- period's end. Days built before have none: rollup/inbound_coverage.sql's calendar names the
-- rollup's version, so they are stale until the rollup pass rebuilds them.
ALTER TABLE inbound_daily
    ADD COLUMN IF NOT EXISTS lift_pairs UInt64 AFTER business_frt_values,
    ADD COLUMN IF NOT EXISTS lift_sum Float64 AFTER lift_pairs,
    ADD COLUMN IF NOT EXISTS lift_improved UInt64 AFTER lift_sum,
    ADD COLUMN IF NOT EXISTS lift_worsened UInt64 AFTER lift_improved,
    ADD COLUMN IF NOT EXISTS late_lift_at Array(DateTime64(3, 'UTC')) AFTER lift_worsened,
    ADD COLUMN IF NOT EXISTS late_lift Array(Float64) AFTER late_lift_at;

-- Rows loaded before this migration: their next message, as a new row version where there is one.
INSERT INTO interactions
SELECT i.* REPLACE (
    n.lead_at AS next_at,
    n.lead_sentiment AS next_sentiment,
    i.version + 1 AS version
)
FROM interactions AS i FINAL
INNER JOIN
(
    SELECT workspace_id, interaction_id, lead_at, lead_sentiment
    FROM
    (
        SELECT
            workspace_id,
            interaction_id,
            leadInFrame(toNullable(created_at)) OVER w AS lead_at,
            leadInFrame(sentiment) OVER w AS lead_sentiment
        FROM interactions FINAL
        WHERE direction = 'inbound'
        WINDOW w AS (
            PARTITION BY workspace_id, cityHash64(thread_id, if(customer_id != '', customer_id, author_handle))
            ORDER BY created_at, interaction_id
            ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
    )
    WHERE lead_at IS NOT NULL
) AS n ON n.workspace_id = i.workspace_id AND n.interaction_id = i.interaction_id
WHERE i.direction = 'inbound';
