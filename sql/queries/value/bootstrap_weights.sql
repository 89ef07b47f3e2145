-- The Poisson(1) weight of each block of customers in each bootstrap replicate of
-- value/service_value.sql and value/service_effects.sql, one row per block (0-1023) with its
-- weights in replicates 0 to {samples} - 1: the inverse CDF of a uniform hash of the block and the
-- replicate, so a block weighs the same in every request, group and query. Independent of the
-- data: the api reads it once per sample count and keeps it (ValueRepository.bootstrapWeights).
SELECT
    toUInt16(block) AS block,
    arrayMap(
        u -> toUInt8(multiIf(u < 0.36787944, 0, u < 0.73575888, 1, u < 0.9196986, 2, u < 0.98101184, 3,
                             u < 0.99634015, 4, u < 0.99940582, 5, u < 0.99991676, 6, 7)),
        -- The block's type as value/service_value.sql makes it (a UInt64 % 1024): the hash reads it.
        arrayMap(b -> cityHash64(block, b) / 18446744073709551616.0, range({samples:UInt16}))
    ) AS weights
FROM
(
    SELECT number % 1024 AS block
    FROM numbers(1024)
)
ORDER BY block
