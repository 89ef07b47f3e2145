-- Top terms of inbound message texts over the period, for a word cloud: lower-cased words of two
-- or more letters, with @handles, links, words with digits and {stop_words} left out; counted
-- once per message. {sentiment_class} '' takes every message, else only that class (DESIGN.md
-- "Sentiment": positive ≥ 0.05, negative ≤ −0.05, neutral between).
SELECT
    term,
    count() AS messages
FROM interactions FINAL
ARRAY JOIN arrayDistinct(arrayFilter(
    t -> lengthUTF8(t) >= 2 AND NOT match(t, '[0-9]') AND NOT has({stop_words:Array(String)}, t),
    /*include:terms/words_fragment*/
)) AS term
WHERE workspace_id = {workspace_id:String}
  AND direction = 'inbound'
  AND created_at >= {from:DateTime64(3)}
  AND created_at < {to:DateTime64(3)}
  AND multiIf(
        {sentiment_class:String} = 'positive', sentiment >= 0.05,
        {sentiment_class:String} = 'negative', sentiment <= -0.05,
        {sentiment_class:String} = 'neutral', sentiment > -0.05 AND sentiment < 0.05,
        true)
  /*filter*/
GROUP BY term
ORDER BY messages DESC, term
LIMIT {limit:UInt32}
