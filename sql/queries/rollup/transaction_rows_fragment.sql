-- The measures of the period's transactions (rollup/transaction_measures_fragment), for a FROM
-- clause: the days {tx_rollup_from} to {tx_rollup_to} (exclusive) from the transactions_daily
-- rollup, the rest of the period from the rows. Which days the rollup serves is rollupWindow's
-- call (sql/src/inbound-rollup.ts): whole UTC days, all built. Markers: customer_filter over `t`
-- (customerFilter), tx_rollup_filter over `r` (customerRollupFilter).
(
    SELECT amount, customer_keys
    FROM transactions_daily AS r
    WHERE r.workspace_id = {workspace_id:String}
      AND {tx_use_rollup:Bool}
      AND r.day >= {tx_rollup_from:Date}
      AND r.day < {tx_rollup_to:Date}
      -- The day's current build, as rollup/current_build_fragment.sql with tx_ parameters.
      AND r.generation = if(notEmpty({tx_rollup_exception_generations:Array(UInt64)})
                              AND r.day >= {tx_rollup_exceptions_from:Date}
                              AND r.day < {tx_rollup_exceptions_from:Date} + length({tx_rollup_exception_generations:Array(UInt64)}),
                            {tx_rollup_exception_generations:Array(UInt64)}[toUInt32(r.day) - toUInt32({tx_rollup_exceptions_from:Date}) + 1],
                            {tx_rollup_generation:UInt64})
      /*tx_rollup_filter*/
    UNION ALL
    SELECT
        /*include:rollup/transaction_measures_fragment*/
    FROM transactions AS t FINAL
    WHERE t.workspace_id = {workspace_id:String}
      AND t.occurred_at >= {from:DateTime64(3)}
      AND t.occurred_at < {to:DateTime64(3)}
      AND (NOT {tx_use_rollup:Bool}
           OR t.occurred_at < toDateTime64({tx_rollup_from:Date}, 3, 'UTC')
           OR t.occurred_at >= toDateTime64({tx_rollup_to:Date}, 3, 'UTC'))
      /*customer_filter*/
)
