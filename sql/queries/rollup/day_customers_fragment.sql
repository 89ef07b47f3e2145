-- Each message's customer as the rollups group by it (c.segment, c.lifecycle_stage; '' without a
-- customer or a customer without a row), joined to the messages `i` of a rollup build.
LEFT JOIN
(
    SELECT customer_id, segment, lifecycle_stage
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
) AS c ON c.customer_id = i.customer_id
