-- Fast load path, embedded: the lines of a staged batch that the fragment does not load, for the
-- JavaScript path to reject (with its reason) or load.
SELECT line
FROM
(
/*include:load/staged_interactions_fragment*/
FROM file({file:String}, 'CSV', {structure:String})
)
WHERE NOT ok
ORDER BY line
