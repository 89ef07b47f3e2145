-- The days of a workspace's customer_purchase_daily rollup (migration 0026) in order: whether each was built by
-- this version of the rollup ({built_with}) and its current generation. Read with
-- rollup/inbound_coverage.sql, once per data version.
SELECT
    count() AS days,
    arrayMap(d -> toString(d.1), arraySort(groupArray((day, fresh)))) AS day_list,
    arrayMap(d -> d.2, arraySort(groupArray((day, fresh)))) AS fresh_list,
    arrayMap(d -> toString(d.2), arraySort(groupArray((day, current_generation)))) AS generation_list
FROM
(
    SELECT day, argMax(built_with, generation) = {built_with:String} AS fresh, max(generation) AS current_generation
    FROM rollup_days
    WHERE workspace_id = {workspace_id:String}
      AND rollup = 'customer_purchase_daily'
    GROUP BY day
)
