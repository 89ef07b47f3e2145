-- Top terms of inbound message texts over the period, for a word cloud: lower-cased words of two
-- or more letters, with @handles, links, words with digits and {stop_words} left out; counted
-- once per message (terms/message_terms_fragment.sql). {sentiment_class} '' takes every message,
-- else only that class (DESIGN.md "Sentiment": positive ≥ 0.05, negative ≤ −0.05, neutral
-- between). Whole days {rollup_from} to {rollup_to} (exclusive) come from the term_daily rollup
-- (migration 0020), the rest of the period from the rows; {use_rollup} false reads it all from the
-- rows (termsWindow in sql/src/inbound-rollup.ts decides). Markers: filter (interactionFilter)
-- over `i`, rollup_filter (termRollupFilter) over `r`.
SELECT
    term,
    sum(messages) AS messages
FROM
(
    SELECT r.term AS term, r.messages AS messages
    FROM term_daily AS r
    WHERE /*include:rollup/read_window_fragment*/
      AND ({sentiment_class:String} = '' OR r.sentiment_class = {sentiment_class:String})
      /*rollup_filter*/
    UNION ALL
    SELECT term, count() AS messages
    FROM interactions AS i FINAL
    ARRAY JOIN /*include:terms/message_terms_fragment*/ AS term
    WHERE i.workspace_id = {workspace_id:String}
      AND i.direction = 'inbound'
      AND /*include:rollup/outside_rollup_fragment*/
      AND multiIf(
            {sentiment_class:String} = 'positive', i.sentiment >= 0.05,
            {sentiment_class:String} = 'negative', i.sentiment <= -0.05,
            {sentiment_class:String} = 'neutral', i.sentiment > -0.05 AND i.sentiment < 0.05,
            true)
      /*filter*/
    GROUP BY term
)
-- After the union: a set lookup per term, not per rollup row and word.
WHERE term NOT IN {stop_words:Array(String)}
GROUP BY term
ORDER BY messages DESC, term
LIMIT {limit:UInt32}
