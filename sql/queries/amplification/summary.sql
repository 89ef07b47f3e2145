-- Amplification of public inbound messages over the period (DESIGN.md "Amplification"):
-- shares and quotes of the latest engagement snapshot; reach = impressions where the source has
-- them, else the author's followers, else 0; amplified negative reach split into answered, missed
-- (unanswered, older than the SLA at {now}) and pending. The measures count public messages only
-- (rollup/inbound_measures_fragment.sql); whole days come from the inbound rollup, the rest from
-- the rows (rollup/inbound_rows_fragment.sql).
WITH
    /*include:rollup/calendar_fragment*/,
    /*include:rollup/inbound_row_fragment*/
SELECT
    sum(public_messages) AS public_messages,
    sum(shares) AS shares,
    sum(quotes) AS quotes,
    sum(reach) AS reach,
    sum(negative_public) AS negative_messages,
    sum(negative_reach) AS negative_reach,
    sum(answered_negative_reach) AS answered_negative_reach,
    sum(missed_negative_reach) AS missed_negative_reach,
    sum(pending_negative_reach) AS pending_negative_reach
FROM /*include:rollup/inbound_rows_fragment*/
