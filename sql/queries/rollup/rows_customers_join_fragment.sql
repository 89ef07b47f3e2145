-- The customers (segment, lifecycle stage) of the rows rollup/inbound_rows_fragment.sql reads, for
-- a key over `c` (api/src/common/inbound-rows.sql.ts puts this at its group_join marker): only the
-- customers of those rows, as the whole customers table would cost more than the rows themselves.
LEFT JOIN
(
    SELECT customer_id, segment, lifecycle_stage
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
      AND customer_id IN
      (
          SELECT i.customer_id
          FROM interactions AS i
          WHERE i.workspace_id = {workspace_id:String}
            AND i.direction = 'inbound'
            AND /*include:rollup/outside_rollup_fragment*/
      )
) AS c ON c.customer_id = i.customer_id
