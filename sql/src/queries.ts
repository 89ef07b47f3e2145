import * as fs from 'node:fs';
import * as path from 'node:path';

export const QUERIES_DIR = path.join(__dirname, '..', 'queries');
const NAME = /^[a-z0-9_]+\/[a-z0-9_]+$/;
/** A shared piece of SQL (a metric's CTEs) put into a query where it says `/*include:area/name*​/`. */
const INCLUDE = /\/\*include:([a-z0-9_]+\/[a-z0-9_]+)\*\//g;
/** Files named `*_fragment.sql` are pieces for INCLUDE, not queries. */
const FRAGMENT = /_fragment$/;
const cache = new Map<string, string>();

/**
 * A named analytic query, `sql/queries/<area>/<name>.sql`, read once per process. Names are
 * constants in repositories, never user input; the check below keeps it that way.
 */
export function namedQuery(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad query name "${name}": expected area/name`);
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = withIncludes(fs.readFileSync(path.join(QUERIES_DIR, `${name}.sql`), 'utf8'), [name]);
    cache.set(name, sql);
  }
  return sql;
}

/**
 * The text with each include marker replaced by its fragment, itself expanded: a fragment may
 * include another (the rollup's row set includes its measures), never one that includes it back.
 */
function withIncludes(text: string, chain: string[]): string {
  return text.replace(INCLUDE, (_marker, fragment: string) => {
    if (chain.includes(fragment)) throw new Error(`fragment ${fragment} includes itself (${chain.join(' -> ')})`);
    const body = fs.readFileSync(path.join(QUERIES_DIR, `${fragment}.sql`), 'utf8').trim();
    return withIncludes(body, [...chain, fragment]);
  });
}

/** Every named query on disk, for snapshot tests and the benchmark. */
export function listNamedQueries(): string[] {
  return fs
    .readdirSync(QUERIES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(QUERIES_DIR, d.name))
        .filter((f) => f.endsWith('.sql'))
        .map((f) => `${d.name}/${f.replace(/\.sql$/, '')}`)
        .filter((name) => !FRAGMENT.test(name)),
    )
    .sort();
}
