-- What the inbound figures are made of, per group of inbound messages `i`: the columns of the
-- inbound_daily rollup (migration 0016), which its build pass (rollup/build_inbound_daily.sql)
-- writes per day and the queries re-aggregate (sum; arrays concatenated) together with the same
-- measures of the rows the rollup does not hold (rollup/inbound_rows_fragment.sql). Not a query
-- on its own: a SELECT list that needs rollup/calendar_fragment and rollup/inbound_row_fragment.
-- Definitions: DESIGN.md "Metric definitions".
    count() AS inbound,
    countIf(is_replied) AS replied,
    countIf(NOT is_replied AND i.created_at >= sla_cutoff) AS pending,
    countIf(NOT is_replied AND i.created_at < sla_cutoff) AS missed,
    countIf(i.first_bot_reply_at IS NOT NULL) AS bot_replied,
    -- Sentiment classes: positive ≥ 0.05, negative ≤ −0.05, neutral between; unscored in none.
    countIf(i.sentiment >= 0.05) AS positive,
    countIf(i.sentiment > -0.05 AND i.sentiment < 0.05) AS neutral,
    countIf(is_negative) AS negative,
    countIf(i.sentiment IS NOT NULL) AS scored,
    sumIf(toFloat64(i.sentiment), i.sentiment IS NOT NULL) AS sentiment_sum,
    -- Amplification counts public messages only.
    countIf(i.is_public) AS public_messages,
    sumIf(toUInt64(i.shares), i.is_public) AS shares,
    sumIf(toUInt64(i.quotes), i.is_public) AS quotes,
    sumIf(post_reach, i.is_public) AS reach,
    countIf(i.is_public AND is_negative) AS negative_public,
    sumIf(post_reach, i.is_public AND is_negative) AS negative_reach,
    sumIf(post_reach, i.is_public AND is_negative AND is_replied) AS answered_negative_reach,
    sumIf(post_reach, i.is_public AND is_negative AND NOT is_replied AND i.created_at < sla_cutoff) AS missed_negative_reach,
    sumIf(post_reach, i.is_public AND is_negative AND NOT is_replied AND i.created_at >= sla_cutoff) AS pending_negative_reach,
    -- Every answered message's FRT, so quantiles over any set of days stay exact.
    groupArrayIf(assumeNotNull(frt_seconds), is_replied) AS frt_values,
    groupArrayIf(assumeNotNull(business_seconds), is_replied) AS business_frt_values,
    -- Lift pairs whose next message came within 30 days count in any period holding the message;
    -- the later ones are kept one by one with the next message's time.
    countIf(lift_base AND lift_soon) AS lift_pairs,
    sumIf(lift_value, lift_base AND lift_soon) AS lift_sum,
    countIf(lift_base AND lift_soon AND lift_value > 0) AS lift_improved,
    countIf(lift_base AND lift_soon AND lift_value < 0) AS lift_worsened,
    groupArrayIf(assumeNotNull(i.next_at), lift_base AND NOT lift_soon) AS late_lift_at,
    groupArrayIf(lift_value, lift_base AND NOT lift_soon) AS late_lift,
    -- The customers who wrote (active customers: migration 0019), as 64-bit hashes of their ids.
    groupUniqArrayIf(cityHash64(i.customer_id), i.customer_id != '') AS customer_keys
