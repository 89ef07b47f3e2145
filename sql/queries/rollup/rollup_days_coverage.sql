-- The days of a workspace's day rollups other than inbound_daily (rollup/inbound_coverage.sql reads
-- that one, with the settings it is built with), per rollup in day order: what each day's current
-- build was built with and its generation. readInboundCoverage (sql/src/inbound-rollup.ts) compares
-- built_with with each rollup's version: a day built by another version is stale. One query for
-- every rollup, read with rollup/inbound_coverage.sql once per data version.
SELECT
    `rollup` AS name,
    arrayMap(d -> toString(d.1), arraySort(groupArray((day, built)))) AS day_list,
    arrayMap(d -> d.2, arraySort(groupArray((day, built)))) AS built_list,
    arrayMap(d -> toString(d.2), arraySort(groupArray((day, current_generation)))) AS generation_list
FROM
(
    -- `rollup` is a keyword (GROUP BY ROLLUP): quoted.
    SELECT `rollup`, day, argMax(built_with, generation) AS built, max(generation) AS current_generation
    FROM rollup_days
    WHERE workspace_id = {workspace_id:String}
      AND `rollup` != 'inbound_daily'
    GROUP BY `rollup`, day
)
GROUP BY name
