-- Writes a CLV run's customer_value rows inside ClickHouse: every customer's calibration summary
-- (clv/customer_summary, inlined at the marker with the same {until}) joined to its group's BG/NBD
-- predictions in clv_group_values, and valued with its segment's Gamma-Gamma parameters, given as
-- parallel arrays {segments}, {p}, {q}, {v}:
--   expected_avg_value = p (v + x m) / (p x + q − 1); without repeat purchases (x = 0) the
--                        population mean p v / (q − 1);
--   predicted_clv      = discounted purchases of the horizon × expected_avg_value.
INSERT INTO customer_value
    (workspace_id, run_id, customer_id, segment, frequency, recency_days, t_days, monetary_mean,
     p_alive, expected_purchases, expected_avg_value, predicted_clv, historical_value, computed_at)
SELECT
    {workspace_id:String},
    {run_id:String},
    customer_id,
    segment,
    frequency,
    recency_days,
    t_days,
    monetary_mean,
    p_alive,
    expected_purchases,
    value,
    discounted_purchases * value,
    historical_value,
    {computed_at:DateTime64(3)}
FROM
(
    SELECT
        s.customer_id AS customer_id,
        s.segment AS segment,
        s.frequency AS frequency,
        s.recency_days AS recency_days,
        s.t_days AS t_days,
        s.monetary_mean AS monetary_mean,
        s.historical_value AS historical_value,
        g.p_alive AS p_alive,
        g.expected_purchases AS expected_purchases,
        g.discounted_purchases AS discounted_purchases,
        indexOf({segments:Array(String)}, s.segment) AS k,
        {p:Array(Float64)}[k] AS gg_p,
        {q:Array(Float64)}[k] AS gg_q,
        {v:Array(Float64)}[k] AS gg_v,
        if(s.frequency > 0 AND s.monetary_mean > 0,
           gg_p * (gg_v + s.frequency * s.monetary_mean) / (gg_p * s.frequency + gg_q - 1),
           gg_p * gg_v / (gg_q - 1)) AS value
    FROM
    (
        /*summary*/
    ) AS s
    INNER JOIN
    (
        SELECT segment, frequency, recency_days, t_days, p_alive, expected_purchases, discounted_purchases
        FROM clv_group_values
        WHERE workspace_id = {workspace_id:String}
          AND run_id = {run_id:String}
    ) AS g
        ON g.segment = s.segment
       AND g.frequency = s.frequency
       AND g.recency_days = s.recency_days
       AND g.t_days = s.t_days
)
