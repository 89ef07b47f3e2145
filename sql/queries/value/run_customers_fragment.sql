-- The customers of the workspace's latest CLV run with their service experience over the period:
-- the population of value/service_value (Service→value, retention by experience) and of the
-- customer list behind it (value/run_customer_list), defined once. Not a query on its own: WITH
-- items after value/experience_fragment; the customer filter goes at its marker (prefix v.).
    (
        SELECT argMax(run_id, fitted_at)
        FROM model_runs
        WHERE workspace_id = {workspace_id:String}
    ) AS latest_run,
    run_customers AS
    (
        SELECT
            v.customer_id AS customer_id,
            v.customer_key AS customer_key,
            v.segment AS segment,
            -- No match in the LEFT JOIN reads 0: no_contact.
            e.experience_code AS experience_code,
            experience_names[experience_code + 1] AS experience,
            v.predicted_clv AS clv,
            v.frequency AS frequency,
            v.p_alive AS p_alive,
            v.historical_value AS historical_value,
            -- No match in the LEFT JOIN reads 0: not at risk.
            e.missed_negative = 1 AS at_risk
        FROM customer_value AS v
        LEFT JOIN experiences AS e ON e.customer_key = v.customer_key
        WHERE v.workspace_id = {workspace_id:String}
          AND v.run_id = latest_run
          /*customer_filter*/
    )
