-- Whether an inbound message `i` was answered and its first response time in milliseconds (0
-- unanswered): what its service experience is worked out from (value/experience_fragment.sql,
-- value/service_effects.sql), on the rows and in the customer_service_daily and
-- customer_contacts_daily rollups (rollup/build_customer_service_daily.sql,
-- rollup/build_customer_contacts_daily.sql).
-- Not a query on its own: two expressions for a tuple.
toUInt8(i.first_reply_at IS NOT NULL),
if(i.first_reply_at IS NULL, toInt64(0), toInt64(dateDiff('millisecond', i.created_at, assumeNotNull(i.first_reply_at))))
