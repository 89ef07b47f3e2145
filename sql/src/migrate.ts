import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Database } from './client';
import { clusterOf, splitStatements, toClusterStatement } from './statements';

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** The migrations on disk, in order. Names must be `NNNN_snake_name.sql` with unique numbers. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new MigrationError(`migration file name "${file}" is not NNNN_snake_name.sql`);
    if (seen.has(match[1]!)) throw new MigrationError(`two migrations are numbered ${match[1]}`);
    seen.add(match[1]!);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return {
      name: file.replace(/\.sql$/, ''),
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    };
  });
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, forward only. A
 * migration that was applied and has since been edited is refused: the schema it describes is
 * no longer the one in the database, and the fix is a new migration.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const cluster = clusterOf(db);
  const adapt = (statement: string) => (cluster ? toClusterStatement(statement, cluster) : statement);
  await db.client.command({
    query: adapt(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name String,
      checksum String,
      applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
    ) ENGINE = MergeTree ORDER BY name`),
  });
  const rows = await (
    await db.client.query({ query: 'SELECT name, checksum FROM schema_migrations', format: 'JSONEachRow' })
  ).json<{ name: string; checksum: string }>();
  const done = new Map(rows.map((r) => [r.name, r.checksum]));
  const migrations = readMigrations(dir);
  for (const m of migrations) {
    const recorded = done.get(m.name);
    if (recorded !== undefined && recorded !== m.checksum) {
      throw new MigrationError(
        `migration ${m.name} was edited after it was applied (checksum ${recorded.slice(0, 12)} → ${m.checksum.slice(0, 12)}); ` +
          'migrations are forward-only: revert the edit and add a new migration',
      );
    }
  }
  const result: MigrateResult = { applied: [], skipped: [] };
  for (const m of migrations) {
    if (done.has(m.name)) {
      result.skipped.push(m.name);
      continue;
    }
    for (const statement of m.statements) {
      try {
        await db.client.command({ query: adapt(statement) });
      } catch (error) {
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    await db.client.insert({
      table: 'schema_migrations',
      values: [{ name: m.name, checksum: m.checksum }],
      format: 'JSONEachRow',
    });
    result.applied.push(m.name);
  }
  return result;
}
