-- Sentiment of inbound messages over the filter's period, per group of {group_key} and in total
-- (grouping(key) = 1). Classes as DESIGN.md "Sentiment": positive ≥ 0.05, negative ≤ −0.05,
-- neutral between; unscored messages (NULL) are counted apart and in no class or average.
WITH
    (SELECT if(count() = 0, 'UTC', toString(any(timezone))) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}) AS workspace_tz,
    -- A scalar subquery is Nullable; the if(count() = 0, …) makes it never NULL.
    assumeNotNull(workspace_tz) AS tz,
    /*group_key*/ AS key
SELECT
    key,
    grouping(key) AS is_total,
    count() AS inbound,
    countIf(i.sentiment >= 0.05) AS positive,
    countIf(i.sentiment > -0.05 AND i.sentiment < 0.05) AS neutral,
    countIf(i.sentiment <= -0.05) AS negative,
    avgOrNullIf(toFloat64(i.sentiment), i.sentiment IS NOT NULL) AS average
FROM interactions AS i FINAL
/*group_join*/
WHERE i.workspace_id = {workspace_id:String}
  AND i.direction = 'inbound'
  AND i.created_at >= {from:DateTime64(3)}
  AND i.created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY GROUPING SETS ((key), ())
ORDER BY is_total, key
