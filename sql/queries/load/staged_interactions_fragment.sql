-- The generic interactions source's rules (pipelines/src/sources/generic.ts and fields.ts) over
-- staged CSV records, for the fast load path: columns c_<field> hold the file's cells as text
-- ('' for a field the file does not have), `line` the record's line in the file. `ok` is true
-- only where the JavaScript path would load the row and these expressions give the very values
-- it would write; every other record (a reject, or a form these rules do not cover, such as an
-- epoch or Twitter date or a hexadecimal number) is handed back to the JavaScript path, which
-- gives the reason. The scanner stages only records whose fields other than text are ASCII, so
-- lower() and the ASCII whitespace set below are exactly JavaScript's toLowerCase() and trim().
SELECT
    line,
    -- FieldReader's getter: an empty cell takes the mapping's default.
    if(c_interaction_id = '', {defaults:Map(String, String)}['interaction_id'], c_interaction_id) AS g_interaction_id,
    if(c_brand = '', {defaults:Map(String, String)}['brand'], c_brand) AS g_brand,
    if(c_channel = '', {defaults:Map(String, String)}['channel'], c_channel) AS g_channel,
    if(c_direction = '', {defaults:Map(String, String)}['direction'], c_direction) AS g_direction,
    if(c_is_public = '', {defaults:Map(String, String)}['is_public'], c_is_public) AS g_is_public,
    if(c_created_at = '', {defaults:Map(String, String)}['created_at'], c_created_at) AS g_created_at,
    if(c_thread_id = '', {defaults:Map(String, String)}['thread_id'], c_thread_id) AS g_thread_id,
    if(c_parent_id = '', {defaults:Map(String, String)}['parent_id'], c_parent_id) AS g_parent_id,
    if(c_author_kind = '', {defaults:Map(String, String)}['author_kind'], c_author_kind) AS g_author_kind,
    if(c_author_handle = '', {defaults:Map(String, String)}['author_handle'], c_author_handle) AS g_author_handle,
    if(c_author_followers = '', {defaults:Map(String, String)}['author_followers'], c_author_followers) AS g_author_followers,
    if(c_customer_id = '', {defaults:Map(String, String)}['customer_id'], c_customer_id) AS g_customer_id,
    if(c_agent = '', {defaults:Map(String, String)}['agent'], c_agent) AS g_agent,
    if(c_is_automated = '', {defaults:Map(String, String)}['is_automated'], c_is_automated) AS g_is_automated,
    if(c_text = '', {defaults:Map(String, String)}['text'], c_text) AS text,
    if(c_lang = '', {defaults:Map(String, String)}['lang'], c_lang) AS g_lang,
    if(c_sentiment = '', {defaults:Map(String, String)}['sentiment'], c_sentiment) AS g_sentiment,
    if(c_topics = '', {defaults:Map(String, String)}['topics'], c_topics) AS g_topics,
    if(c_csat = '', {defaults:Map(String, String)}['csat'], c_csat) AS g_csat,

    -- JavaScript's trim() on ASCII text: space, \t, \n, \v, \f, \r.
    trimBoth(g_interaction_id, ' \t\n\x0B\f\r') AS interaction_id,
    trimBoth(g_brand, ' \t\n\x0B\f\r') AS brand,
    lower(trimBoth(g_channel, ' \t\n\x0B\f\r')) AS channel,
    lower(trimBoth(g_direction, ' \t\n\x0B\f\r')) AS direction,
    trimBoth(g_thread_id, ' \t\n\x0B\f\r') AS t_thread_id,
    if(t_thread_id = '', interaction_id, t_thread_id) AS thread_id,
    trimBoth(g_parent_id, ' \t\n\x0B\f\r') AS parent_id,
    trimBoth(g_customer_id, ' \t\n\x0B\f\r') AS customer_id,
    trimBoth(g_agent, ' \t\n\x0B\f\r') AS agent,
    lower(trimBoth(g_lang, ' \t\n\x0B\f\r')) AS lang,

    -- created_at: parseTimestamp's ISO 8601 form (T or space, optional seconds, fraction and
    -- zone; no zone = UTC). Years outside 1970–2099 and a leap second go to the JavaScript path.
    trimBoth(g_created_at, ' \t\n\x0B\f\r') AS t_created_at,
    -- The commonest form (parseTimestamp's fastIso: 'YYYY-MM-DDThh:mm:ss[.sss][Z]') is parsed by
    -- parseDateTime; the others go through the full pattern, the costliest expression here, which
    -- (inside if) is only computed for them. Cutting the common form by position into the same
    -- array of parts cost ~0.8 s more CPU per million rows (load-rate bench's file).
    match(t_created_at, '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}([.]\\d{3})?Z?$') AS t_common,
    -- parseDateTime takes only real dates and times (no 30 February, no hour 24, no leap second)
    -- and gives NULL otherwise; the milliseconds are the three digits as written.
    parseDateTimeOrNull(concat(substring(t_created_at, 1, 10), ' ', substring(t_created_at, 12, 8)), '%Y-%m-%d %H:%i:%s', 'UTC') AS c_seconds,
    toInt64(toUnixTimestamp(assumeNotNull(c_seconds))) * 1000
        + if(length(t_created_at) >= 23, toUInt16OrZero(substring(t_created_at, 21, 3)), 0) AS c_ms,
    if(t_common, [], extractGroups(t_created_at, '(?i)^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?[ \t\n\x0B\f\r]*(Z|[+-]\\d{2}:?\\d{2}|UTC)?$')) AS t_parts,
    toUInt16OrZero(t_parts[1]) AS t_year,
    toUInt8OrZero(t_parts[2]) AS t_month,
    toUInt8OrZero(t_parts[3]) AS t_day,
    toUInt8OrZero(t_parts[4]) AS t_hour,
    toUInt8OrZero(t_parts[5]) AS t_minute,
    toUInt8OrZero(t_parts[6]) AS t_second,
    -- The first three digits of the fraction, padded: a truncation, as in JavaScript.
    toUInt16OrZero(rightPad(substring(t_parts[7], 1, 3), 3, '0')) AS t_millis,
    upper(t_parts[8]) AS t_zone,
    replaceOne(substring(t_zone, 2), ':', '') AS t_zone_digits,
    if(t_zone IN ('', 'Z', 'UTC'), 0,
       if(startsWith(t_zone, '-'), -1, 1)
           * (toInt32OrZero(substring(t_zone_digits, 1, 2)) * 60 + toInt32OrZero(substring(t_zone_digits, 3, 2)))) AS t_offset_minutes,
    -- makeDate32 rolls 30 February over into March: a real date comes back unchanged.
    makeDate32(greatest(1970, least(t_year, 2099)), greatest(1, least(t_month, 12)), greatest(1, least(t_day, 31))) AS t_date,
    toInt64(toInt32(t_date)) * 86400000
        + ((toInt64(t_hour) * 60 + t_minute) * 60 + t_second) * 1000 + t_millis
        - toInt64(t_offset_minutes) * 60000 AS t_ms,
    if(t_common,
       c_seconds IS NOT NULL AND c_ms >= 0 AND c_ms < 4102444800000,
       length(t_parts) = 8
           AND t_year BETWEEN 1970 AND 2099
           AND toMonth(t_date) = t_month AND toDayOfMonth(t_date) = t_day
           AND t_hour <= 23 AND t_minute <= 59 AND t_second <= 59
           AND t_ms >= 0 AND t_ms < 4102444800000) AS created_at_ok,
    fromUnixTimestamp64Milli(if(created_at_ok, if(t_common, c_ms, t_ms), 0), 'UTC') AS created_at,

    -- Numbers: what Number() reads in decimal notation; other forms (0x…, Infinity) go to JavaScript.
    trimBoth(g_sentiment, ' \t\n\x0B\f\r') AS t_sentiment,
    if(match(t_sentiment, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$'), toFloat64OrNull(t_sentiment), NULL) AS n_sentiment,
    n_sentiment IS NOT NULL AND isFinite(n_sentiment) AND n_sentiment BETWEEN -1 AND 1 AS sentiment_ok,
    -- JavaScript writes String(number) (shortest round trip; -0 as 0) and ClickHouse reads that as Float32.
    toFloat32OrNull(toString(assumeNotNull(n_sentiment) + 0)) AS sentiment,
    trimBoth(g_author_followers, ' \t\n\x0B\f\r') AS t_followers,
    if(match(t_followers, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$'), toFloat64OrNull(t_followers), NULL) AS n_followers,
    t_followers = '' OR (n_followers IS NOT NULL AND n_followers = floor(n_followers) AND n_followers BETWEEN 0 AND 4294967295) AS followers_ok,
    if(t_followers = '' OR NOT followers_ok, NULL, toUInt32(assumeNotNull(n_followers))) AS author_followers,
    trimBoth(g_csat, ' \t\n\x0B\f\r') AS t_csat,
    if(match(t_csat, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$'), toFloat64OrNull(t_csat), NULL) AS n_csat,
    t_csat = '' OR (n_csat IS NOT NULL AND n_csat = floor(n_csat) AND n_csat BETWEEN 0 AND 100) AS csat_ok,
    if(t_csat = '' OR NOT csat_ok, NULL, toUInt8(assumeNotNull(n_csat))) AS csat,

    -- Booleans: FieldReader.bool's words; empty is the fallback (public by channel, not automated).
    lower(trimBoth(g_is_public, ' \t\n\x0B\f\r')) AS t_is_public,
    t_is_public IN ('', 'true', '1', 'yes', 't', 'y', 'false', '0', 'no', 'f', 'n') AS is_public_ok,
    if(t_is_public = '', has({public_channels:Array(String)}, channel), t_is_public IN ('true', '1', 'yes', 't', 'y')) AS is_public,
    lower(trimBoth(g_is_automated, ' \t\n\x0B\f\r')) AS t_is_automated,
    t_is_automated IN ('', 'true', '1', 'yes', 't', 'y', 'false', '0', 'no', 'f', 'n') AS is_automated_ok,
    t_is_automated IN ('true', '1', 'yes', 't', 'y') AS is_automated,

    -- topics: split on '|', each trimmed, empty ones dropped.
    trimBoth(g_topics, ' \t\n\x0B\f\r') AS t_topics,
    if(t_topics = '', [], arrayFilter(x -> x != '', arrayMap(x -> trimBoth(x, ' \t\n\x0B\f\r'), splitByChar('|', t_topics)))) AS topics,

    -- author_kind: the column, else the channel's kind (authorKindForChannel).
    lower(trimBoth(g_author_kind, ' \t\n\x0B\f\r')) AS t_author_kind,
    if(t_author_kind = '', if(has({identity_kinds:Array(String)}, channel), channel, 'external'), t_author_kind) AS author_kind,
    -- author_handle: normaliseHandle(kind, raw) and, where that gives nothing, the raw value
    -- trimmed and lower-cased (transforms/identity.ts).
    trimBoth(g_author_handle, ' \t\n\x0B\f\r') AS h_trimmed,
    lower(replaceRegexpOne(h_trimmed, '^(?i)mailto:', '')) AS h_email,
    -- toE164: separators and a bracketed trunk 0 dropped; +, 00 or the default country's code.
    replaceRegexpAll(replaceAll(h_trimmed, '(0)', ''), '[ \t\n\x0B\f\r().\\-/]', '') AS h_phone_digits,
    replaceRegexpOne(h_phone_digits, '^0+', '') AS h_phone_national,
    multiIf(
        startsWith(h_phone_digits, '+'), substring(h_phone_digits, 2),
        startsWith(h_phone_digits, '00'), substring(h_phone_digits, 3),
        {calling_code:String} = '', '',
        {calling_code:String} = '1' AND length(h_phone_national) = 11 AND startsWith(h_phone_national, '1'), h_phone_national,
        concat({calling_code:String}, h_phone_national)) AS h_phone,
    lower(replaceRegexpOne(h_trimmed, '^@+', '')) AS h_social,
    multiIf(
        h_trimmed = '', '',
        author_kind = 'email',
            if(match(h_email, '^[^ \t\n\x0B\f\r@]+@[^ \t\n\x0B\f\r@]+\\.[^ \t\n\x0B\f\r@]+$'), h_email, lower(h_trimmed)),
        author_kind IN ('phone', 'whatsapp'),
            if(match(h_trimmed, '^[+0-9(][0-9 \t\n\x0B\f\r().\\-/]*$') AND match(h_phone, '^[1-9][0-9]{7,14}$'),
               concat('+', h_phone), lower(h_trimmed)),
        author_kind IN ('twitter', 'facebook', 'instagram', 'line', 'wechat', 'messenger'),
            if(match(h_social, '^[a-z0-9_.-]+$'), h_social, lower(h_trimmed)),
        lower(h_trimmed)) AS author_handle,

    interaction_id != ''
        AND has({channels:Array(String)}, channel)
        AND created_at_ok
        AND has({identity_kinds:Array(String)}, author_kind)
        AND sentiment_ok
        AND has({directions:Array(String)}, direction)
        AND is_public_ok
        AND followers_ok
        AND is_automated_ok
        AND csat_ok AS ok
