-- What a gap queue page shows of each missed message, on its missed_daily row (migration 0024):
-- the page read the candidates' details from `interactions` under FINAL, and each candidate costs
-- its whole granule there (8 192 rows of texts, authors and times: ~200 ms of CPU for a page of 50
-- over 365 days at 10 M interactions). missed_daily is sorted by the queue's first key, so a page's
-- rows sit in a few granules. The rollup's version 2 (MISSED_ROLLUP_VERSION) fills them: every day
-- is rebuilt at the next start; until then the days are stale and the rows are read.
ALTER TABLE missed_daily
    ADD COLUMN IF NOT EXISTS sentiment Nullable(Float32) AFTER sentiment_class,
    ADD COLUMN IF NOT EXISTS author_handle String AFTER sentiment,
    ADD COLUMN IF NOT EXISTS author_followers Nullable(UInt32) AFTER author_handle,
    ADD COLUMN IF NOT EXISTS impressions Nullable(UInt64) AFTER author_followers,
    ADD COLUMN IF NOT EXISTS text String CODEC(ZSTD(3)) AFTER impressions;
