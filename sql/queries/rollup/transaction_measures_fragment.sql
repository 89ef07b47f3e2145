-- What the customer KPIs are made of, per group of transactions `t`: the columns of the
-- transactions_daily rollup (migration 0019), which its build pass writes per day and queries
-- re-aggregate with the same measures of the rows it does not hold
-- (rollup/transaction_rows_fragment.sql). Not a query on its own: a SELECT list.
    -- Sources disagree on the sign of a refund; a refund always reduces value.
    sum(toDecimal128(if(t.kind = 'refund', -abs(t.amount), t.amount), 4)) AS amount,
    groupUniqArrayIf(cityHash64(t.customer_id), t.customer_id != '') AS customer_keys
