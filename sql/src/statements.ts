import type { Database } from './client';

/**
 * Splits a SQL file into statements on top-level semicolons, skipping those inside quotes,
 * backticks and comments. ClickHouse runs one statement per request, so a migration file with a
 * table and its materialized view becomes two commands.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      current += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      current += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\') j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ';') {
      if (hasCode(current)) out.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (hasCode(current)) out.push(current.trim());
  return out;
}

function hasCode(statement: string): boolean {
  return statement
    .split('\n')
    .map((line) => line.replace(/--.*$/, '').trim())
    .some((line) => line.length > 0);
}

const ENGINE = /ENGINE\s*=\s*(Replacing|Aggregating|Summing|Collapsing|VersionedCollapsing)?MergeTree\b/g;
const CREATE = /^(\s*(?:--[^\n]*\n\s*)*CREATE\s+(?:TABLE|MATERIALIZED\s+VIEW|VIEW|DICTIONARY)\s+(?:IF\s+NOT\s+EXISTS\s+)?[A-Za-z_][A-Za-z0-9_.]*)/i;
const ALTER = /^(\s*(?:--[^\n]*\n\s*)*ALTER\s+TABLE\s+[A-Za-z_][A-Za-z0-9_.]*)/i;

/**
 * The cluster variant of a migration statement, generated from the single source: DDL runs
 * ON CLUSTER and every *MergeTree engine becomes its Replicated* twin (replica path and name from
 * the server's default_replica_path / default_replica_name).
 */
export function toClusterStatement(statement: string, cluster: string): string {
  const withEngine = statement.replace(ENGINE, (_m, kind: string | undefined) => `ENGINE = Replicated${kind ?? ''}MergeTree`);
  if (CREATE.test(withEngine)) return withEngine.replace(CREATE, `$1 ON CLUSTER ${cluster}`);
  if (ALTER.test(withEngine)) return withEngine.replace(ALTER, `$1 ON CLUSTER ${cluster}`);
  return withEngine;
}

/** The cluster a database runs its DDL and deletes on: a server's configured cluster, else none. */
export function clusterOf(db: Database): string | undefined {
  return db.config.mode === 'server' ? db.config.cluster : undefined;
}

/** ` ON CLUSTER name` on a server with a cluster, else nothing: for a statement every replica must run. */
export function onClusterClause(db: Database): string {
  const cluster = clusterOf(db);
  return cluster ? ` ON CLUSTER ${cluster}` : '';
}
