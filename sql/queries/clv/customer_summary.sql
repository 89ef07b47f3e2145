-- Per-customer calibration summary for the CLV models (BG/NBD + Gamma-Gamma), from the
-- transactions up to and including the calibration end day {until:Date}. Times are whole UTC
-- days; the fit divides them by 7 so that parameters read in weeks, as the CDNOW literature does:
--   frequency        distinct purchase days after the first purchase day (repeat purchase days);
--   recency_days     last purchase day − first purchase day (0 without repeats);
--   t_days           {until} − first purchase day;
--   monetary_mean    mean over the repeat days of each day's purchase total (0 without repeats);
--   historical_value every transaction amount up to {until}, refunds subtracted (DESIGN.md).
-- Refunds are not purchases: a day with only refunds is not a purchase day, and a customer
-- without any purchase day has no summary. One pass over the transactions: per customer × day,
-- then per customer.
WITH
    days AS
    (
        SELECT
            customer_id,
            toDate(occurred_at) AS day,
            countIf(kind != 'refund') > 0 AS is_purchase_day,
            sumIf(amount, kind != 'refund') AS purchase_amount,
            sum(if(kind = 'refund', -abs(amount), amount)) AS net_amount
        FROM transactions FINAL
        WHERE workspace_id = {workspace_id:String}
          AND occurred_at < toDateTime64({until:Date} + 1, 3, 'UTC')
          AND customer_id != ''
        GROUP BY customer_id, day
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
    toUInt32(p.purchase_days - 1) AS frequency,
    toUInt32(dateDiff('day', p.first_day, p.last_day)) AS recency_days,
    toUInt32(dateDiff('day', p.first_day, {until:Date})) AS t_days,
    -- The first day's total is left out: the spend model describes repeat purchases only.
    if(p.purchase_days > 1, toFloat64(p.repeat_amount) / (p.purchase_days - 1), 0) AS monetary_mean,
    toFloat64(p.historical_value) AS historical_value,
    toString(p.first_day) AS first_day
FROM
(
    SELECT
        customer_id,
        countIf(is_purchase_day) AS purchase_days,
        minIf(day, is_purchase_day) AS first_day,
        maxIf(day, is_purchase_day) AS last_day,
        sumIf(purchase_amount, is_purchase_day) - argMinIf(purchase_amount, day, is_purchase_day) AS repeat_amount,
        sum(net_amount) AS historical_value
    FROM days
    GROUP BY customer_id
    HAVING purchase_days > 0
) AS p
LEFT JOIN segments AS s ON s.customer_id = p.customer_id
