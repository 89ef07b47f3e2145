-- Tables read with FINAL pay at every read for each part a partition holds: FINAL merges them
-- in the query. A load writes one part per monthly partition per insert batch, and the
-- background merger left those parts unmerged for good (bench medium: 91 parts over 19 partitions
-- of interactions, untouched after 15 minutes). With these settings a partition whose parts are
-- all older than a minute is merged into one part in the background, so reads after a load
-- find one part per partition. Measured on bench medium (978 k interactions), Overview KPIs
-- without their engagement join, 365 days: 349 -> 185 ms CPU once merged.
ALTER TABLE interactions MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;
ALTER TABLE transactions MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;
ALTER TABLE engagement MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;
