import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createChdbConnection } from 'chdb/connection';
import { openDatabase, type Database } from './client';
import { loadClickHouseConfig } from './config';
import { SessionPool } from './session-pool';

type Sessions = ConstructorParameters<typeof SessionPool>[0];

// The embedded engine only: a server runs concurrent queries on its own.
const embedded = process.env.CLICKHOUSE_URL ? describe.skip : describe;

// The data directory every test file of this process shares (sql/src/testing/test-database.ts).
const dataDir = path.join(os.tmpdir(), `resonance-test-${process.pid}`);

function rawSessions(n: number): Sessions {
  return Array.from({ length: n }, () => createChdbConnection({ path: dataDir })) as unknown as Sessions;
}

async function openWith(sessions: number): Promise<Database> {
  const database = `test_pool_${process.pid}_${randomBytes(4).toString('hex')}`;
  return openDatabase(
    loadClickHouseConfig({ RESONANCE_DATA_DIR: dataDir, CLICKHOUSE_DB: database, RESONANCE_CHDB_SESSIONS: String(sessions) }),
  );
}

/** When each of two concurrent queries started, in microseconds since the epoch. */
async function twoAtOnce(db: Database): Promise<[number, number]> {
  const started = () =>
    db.client
      .query({ query: 'SELECT toUnixTimestamp64Micro(now64(6)) AS at, sleep(1) AS slept', format: 'JSONEachRow' })
      .then((r) => r.json<{ at: string }>())
      .then(([row]) => Number(row!.at));
  const [a, b] = await Promise.all([started(), started()]);
  return a < b ? [a, b] : [b, a];
}

embedded('SessionPool', () => {
  it('sends reads to the least busy session and everything else to the first', async () => {
    const pool = new SessionPool(rawSessions(3));
    try {
      const read1 = pool.query({ query: 'SELECT 1' });
      const read2 = pool.query({ query: 'SELECT 2' });
      // Idle sessions tie: a read takes the last one, away from the writer.
      expect(pool.load()).toEqual([0, 1, 1]);
      const write = pool.command({ query: 'SELECT 3' });
      const read3 = pool.query({ query: 'SELECT 4' });
      expect(pool.load()).toEqual([1, 1, 2]);
      await Promise.all([read1, read2, write, read3]);
      expect(pool.load()).toEqual([0, 0, 0]);
    } finally {
      await pool.close();
    }
  });

  it('frees a session whose statement failed', async () => {
    const pool = new SessionPool(rawSessions(2));
    try {
      await expect(pool.query({ query: 'SELECT no_such_column' })).rejects.toThrow(/no_such_column/);
      await expect(pool.command({ query: 'SELEC 1' })).rejects.toThrow(/Syntax error/);
      expect(pool.load()).toEqual([0, 0]);
    } finally {
      await pool.close();
    }
  });

  it('runs two reads side by side with two sessions, and one after the other with one', async () => {
    const pooled = await openWith(2);
    try {
      const [first, second] = await twoAtOnce(pooled);
      // Both were running within the same second of sleep.
      expect(second - first).toBeLessThan(1_000_000);
    } finally {
      await pooled.close();
    }
    const single = await openWith(1);
    try {
      const [first, second] = await twoAtOnce(single);
      // chDB runs one statement at a time per session: the second waited for the first's sleep.
      expect(second - first).toBeGreaterThanOrEqual(1_000_000);
    } finally {
      await single.close();
    }
  });

  it('answers a read while a write is still running', async () => {
    const pool = new SessionPool(rawSessions(2));
    try {
      const order: string[] = [];
      // A long statement on the writer's session (a load's insert or pass, in the api's process).
      const write = pool.command({ query: 'SELECT sleep(2)' }).then(() => order.push('write'));
      const read = pool.query({ query: 'SELECT 1' }).then(() => order.push('read'));
      await Promise.all([write, read]);
      expect(order).toEqual(['read', 'write']);
    } finally {
      await pool.close();
    }
  });

  it('gives every session the database', async () => {
    const db = await openWith(3);
    try {
      await db.client.command({ query: 'CREATE TABLE t (n UInt8) ENGINE = Memory' });
      await db.client.insert({ table: 't', values: [{ n: 7 }], format: 'JSONEachRow' });
      // Three at once: each read runs in another session, and each finds the table by its bare name.
      const sums = await Promise.all(
        [1, 2, 3].map(() =>
          db.client
            .query({ query: 'SELECT sum(n) AS s FROM t', format: 'JSONEachRow' })
            .then((r) => r.json<{ s: string }>()),
        ),
      );
      expect(sums.map(([row]) => Number(row!.s))).toEqual([7, 7, 7]);
    } finally {
      await db.close();
    }
  });
});
