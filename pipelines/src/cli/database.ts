import { loadClickHouseConfig, migrate, openDatabase, type Database } from '@resonance/sql';
import { refreshRollups } from '../load/rollups';

/**
 * Opens the configured ClickHouse (embedded or server), migrates it (rollups included), runs `fn`
 * and closes it.
 * The embedded directory is locked to one process: while `npm start` serves it, a second process
 * fails here with chDB's lock error, which the caller reports.
 */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>, options = { migrate: true }): Promise<T> {
  const db = await openDatabase(loadClickHouseConfig());
  try {
    if (options.migrate) {
      await migrate(db);
      // Rollups of data loaded before they existed (or by a load killed before its rollup pass).
      await refreshRollups(db);
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}
