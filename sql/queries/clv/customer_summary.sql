-- Per-customer calibration summary for the CLV models (BG/NBD + Gamma-Gamma), from the
-- transactions up to and including the calibration end day {until:Date}. Times are whole UTC
-- days; the fit divides them by 7 so that parameters read in weeks, as the CDNOW literature does:
--   frequency        distinct purchase days after the first purchase day (repeat purchase days);
--   recency_days     last purchase day − first purchase day (0 without repeats);
--   t_days           {until} − first purchase day;
--   monetary_mean    mean over the repeat days of each day's purchase total (0 without repeats);
--   historical_value every transaction amount up to {until}, refunds subtracted (DESIGN.md).
-- Refunds are not purchases: they never count as a purchase day.
WITH
    purchase_days AS
    (
        SELECT
            customer_id,
            toDate(occurred_at) AS day,
            sum(amount) AS day_amount
        FROM transactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND occurred_at < toDateTime64({until:Date} + 1, 3, 'UTC')
          AND kind != 'refund'
          AND customer_id != ''
        GROUP BY customer_id, day
    ),
    history AS
    (
        SELECT
            customer_id,
            sum(if(kind = 'refund', -abs(amount), amount)) AS historical_value
        FROM transactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND occurred_at < toDateTime64({until:Date} + 1, 3, 'UTC')
          AND customer_id != ''
        GROUP BY customer_id
    ),
    segments AS
    (
        SELECT customer_id, segment
        FROM customers FINAL
        WHERE workspace_id = {workspace_id:String}
    )
SELECT
    p.customer_id AS customer_id,
    -- A customer without a customers row has no segment: '' (join_use_nulls is off).
    s.segment AS segment,
    p.frequency AS frequency,
    p.recency_days AS recency_days,
    p.t_days AS t_days,
    p.monetary_mean AS monetary_mean,
    toFloat64(h.historical_value) AS historical_value,
    toString(p.first_day) AS first_day
FROM
(
    SELECT
        customer_id,
        toUInt32(count() - 1) AS frequency,
        toUInt32(dateDiff('day', min(day), max(day))) AS recency_days,
        toUInt32(dateDiff('day', min(day), {until:Date})) AS t_days,
        -- The first day's total is left out: the spend model describes repeat purchases only.
        if(count() > 1, toFloat64(sum(day_amount) - argMin(day_amount, day)) / (count() - 1), 0) AS monetary_mean,
        min(day) AS first_day
    FROM purchase_days
    GROUP BY customer_id
) AS p
LEFT JOIN history AS h ON h.customer_id = p.customer_id
LEFT JOIN segments AS s ON s.customer_id = p.customer_id
ORDER BY customer_id
