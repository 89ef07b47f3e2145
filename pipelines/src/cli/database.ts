import { loadClickHouseConfig, migrate, openDatabase, type Database } from '@resonance/sql';

/**
 * Opens the configured ClickHouse (embedded or server), migrates it, runs `fn` and closes it.
 * The embedded directory is locked to one process: while `npm start` serves it, a second process
 * fails here with chDB's lock error, which the caller reports.
 */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>, options = { migrate: true }): Promise<T> {
  const db = await openDatabase(loadClickHouseConfig());
  try {
    if (options.migrate) await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
