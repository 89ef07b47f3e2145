-- Repeat purchases in a holdout period (after the calibration end {until:Date}, up to and
-- including {holdout_end:Date}) of the customers who had bought by {until}: distinct purchase
-- days, the same count as `frequency` in clv/customer_summary, so a model's prediction for the
-- holdout compares with it directly.
SELECT
    customer_id,
    toUInt32(uniqExactIf(toDate(occurred_at), occurred_at >= toDateTime64({until:Date} + 1, 3, 'UTC'))) AS purchases
FROM transactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND occurred_at < toDateTime64({holdout_end:Date} + 1, 3, 'UTC')
  AND kind != 'refund'
  AND customer_id != ''
GROUP BY customer_id
-- Only customers already acquired in the calibration period are predicted.
HAVING min(occurred_at) < toDateTime64({until:Date} + 1, 3, 'UTC')
ORDER BY customer_id
