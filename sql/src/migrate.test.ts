import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDatabase, type Database } from './client';
import { loadClickHouseConfig } from './config';
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from './migrate';

/** A database with nothing in it (openTestDatabase would migrate it already). */
async function openEmptyDatabase(): Promise<Database> {
  const database = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = process.env.CLICKHOUSE_URL
    ? { ...process.env, CLICKHOUSE_DB: database }
    : { RESONANCE_DATA_DIR: path.join(os.tmpdir(), `resonance-test-${process.pid}`), CLICKHOUSE_DB: database };
  return openDatabase(loadClickHouseConfig(env));
}

async function tables(db: Database): Promise<string[]> {
  const result = await db.client.query({
    query: 'SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name',
    query_params: { db: db.config.database },
    format: 'JSONEachRow',
  });
  return (await result.json<{ name: string }>()).map((r) => r.name);
}

let db: Database;
let scratch: string;

beforeAll(async () => {
  db = await openEmptyDatabase();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-migrations-'));
});

afterAll(async () => {
  await db.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('migrate', () => {
  it('applies every migration to an empty database, then is a no-op', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await tables(db)).toEqual([]);
    const first = await migrate(db);
    expect(first).toEqual({ applied: all, skipped: [] });
    const created = await tables(db);
    for (const table of [
      'workspaces',
      'brands',
      'api_keys',
      'customers',
      'interactions',
      'engagement',
      'transactions',
      'ingest_runs',
      'rejects',
    ]) {
      expect(created).toContain(table);
    }
    const second = await migrate(db);
    expect(second).toEqual({ applied: [], skipped: all });
    expect(await tables(db)).toEqual(created);
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = path.join(scratch, 'edited');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, '0001_probe.sql'),
      'CREATE TABLE IF NOT EXISTS probe (id UInt8) ENGINE = MergeTree ORDER BY id;\n',
    );
    // schema_migrations already holds the real migrations: only 0001_probe is new here.
    expect((await migrate(db, dir)).applied).toEqual(['0001_probe']);
    fs.appendFileSync(path.join(dir, '0001_probe.sql'), '-- an edit\n');
    await expect(migrate(db, dir)).rejects.toThrow(MigrationError);
  });

  it('refuses badly named and duplicate-numbered files', () => {
    const bad = path.join(scratch, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, '1_x.sql'), 'SELECT 1');
    expect(() => readMigrations(bad)).toThrow(MigrationError);
    const twice = path.join(scratch, 'twice');
    fs.mkdirSync(twice);
    fs.writeFileSync(path.join(twice, '0001_a.sql'), 'SELECT 1');
    fs.writeFileSync(path.join(twice, '0001_b.sql'), 'SELECT 1');
    expect(() => readMigrations(twice)).toThrow(/two migrations are numbered 0001/);
    expect(readMigrations(MIGRATIONS_DIR).length).toBeGreaterThan(0);
  });
});
