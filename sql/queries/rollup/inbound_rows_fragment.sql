-- The measures of the period's inbound messages (rollup/inbound_measures_fragment) per /*group_key*/,
-- for a FROM clause: the days {rollup_from} to {rollup_to} (exclusive) from the inbound_daily
-- rollup, the rest of the period from the rows, grouped the same way. A query over it
-- re-aggregates: it sums the counts and concatenates the FRT arrays, so quantiles stay exact.
-- Which days the rollup serves is rollupWindow's call (sql/src/inbound-rollup.ts): whole UTC days
-- before the SLA cutoff's day (their unanswered messages are all missed), all built with the
-- current calendar; {use_rollup} false reads the whole period from the rows. Markers: group_key
-- and group_join over `i` (interactions) with filter (interactionFilter), rollup_group_key over
-- `r` with rollup_filter (inboundRollupFilter).
(
    SELECT
        /*rollup_group_key*/ AS key,
        inbound, replied, pending, missed, bot_replied,
        positive, neutral, negative, scored, sentiment_sum,
        public_messages, shares, quotes, reach,
        negative_public, negative_reach, answered_negative_reach, missed_negative_reach, pending_negative_reach,
        frt_values, business_frt_values,
        lift_pairs, lift_sum, lift_improved, lift_worsened, late_lift_at, late_lift, customer_keys
    FROM inbound_daily AS r
    WHERE /*include:rollup/read_window_fragment*/
      /*rollup_filter*/
    UNION ALL
    SELECT
        /*group_key*/ AS key,
        /*include:rollup/inbound_measures_fragment*/
    FROM interactions AS i FINAL
    /*group_join*/
    WHERE i.workspace_id = {workspace_id:String}
      AND i.direction = 'inbound'
      AND /*include:rollup/outside_rollup_fragment*/
      /*filter*/
    GROUP BY key
)
