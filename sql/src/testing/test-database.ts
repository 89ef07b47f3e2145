import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDatabase, type Database } from '../client';
import { migrate } from '../migrate';
import { loadClickHouseConfig } from '../config';

/**
 * A migrated, empty database for one test file on the real embedded ClickHouse. chDB allows one
 * data directory per process, so every test process shares one directory and each test file
 * gets its own database in it. With CLICKHOUSE_URL set, the same runs against that server.
 */
export async function openTestDatabase(): Promise<Database> {
  const database = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = process.env.CLICKHOUSE_URL
    ? { ...process.env, CLICKHOUSE_DB: database }
    : { RESONANCE_DATA_DIR: path.join(os.tmpdir(), `resonance-test-${process.pid}`), CLICKHOUSE_DB: database };
  
  const db = await openDatabase(loadClickHouseConfig(env));
  await migrate(db);
  return db;
}
