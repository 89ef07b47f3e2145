-- Overview customer KPIs for the current and the compare ('previous') period: active customers (a
-- customer with an inbound message or a transaction in the period) and historical value (sum of
-- transaction amounts, refunds subtracted). The periods never overlap (the api refuses that).
SELECT
    period,
    uniqExactIf(customer_id, customer_id != '') AS active_customers,
    sum(amount) AS historical_value
FROM
(
    SELECT
        if(created_at >= {from:DateTime64(3)} AND created_at < {to:DateTime64(3)}, 'current', 'previous') AS period,
        customer_id,
        toDecimal128(0, 4) AS amount
    FROM interactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND direction = 'inbound'
      AND (
            (created_at >= {from:DateTime64(3)} AND created_at < {to:DateTime64(3)})
         OR (created_at >= {compare_from:DateTime64(3)} AND created_at < {compare_to:DateTime64(3)})
      )
      /*filter*/
    UNION ALL
    SELECT
        if(occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}, 'current', 'previous') AS period,
        customer_id,
        -- Sources disagree on the sign of a refund; a refund always reduces value.
        toDecimal128(if(kind = 'refund', -abs(amount), amount), 4) AS amount
    FROM transactions FINAL
    WHERE workspace_id = {workspace_id:String}
      AND (
            (occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)})
         OR (occurred_at >= {compare_from:DateTime64(3)} AND occurred_at < {compare_to:DateTime64(3)})
      )
      /*customer_filter*/
)
GROUP BY period
