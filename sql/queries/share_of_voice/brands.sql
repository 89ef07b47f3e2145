-- Share of voice (DESIGN.md): inbound mentions per brand over the period, overall and by
-- sentiment class. The api adds the workspace's tracked brands without mentions.
SELECT
    toString(brand) AS brand,
    count() AS mentions,
    countIf(sentiment >= 0.05) AS positive,
    countIf(sentiment > -0.05 AND sentiment < 0.05) AS neutral,
    countIf(sentiment <= -0.05) AS negative
FROM interactions FINAL
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  /*filter*/
GROUP BY brand
ORDER BY brand
