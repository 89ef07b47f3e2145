import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { refreshRollups } from '@resonance/pipelines';
import { migrate, openDatabase, type ClickHouseConfig, type Database } from '@resonance/sql';

export const DATABASE = Symbol('Database');
export const InjectDatabase = (): ParameterDecorator => Inject(DATABASE);

/** A database that cannot be opened, said in terms of what the user can do about it. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Opens and migrates the process's one Database, and brings its rollups up to date. Opened before the application exists, so that
 * the commonest failure — the embedded data directory held by another process — gets a clear
 * message instead of a dependency-injection stack.
 */
export async function openMigratedDatabase(config: ClickHouseConfig): Promise<Database> {
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (config.mode === 'embedded' && (error as { code?: unknown }).code === 'CHDB_CONNECTION') {
      throw new DatabaseUnavailableError(
        `the data directory ${config.dataDir} is in use by another process (is Resonance already running?). ` +
          'Stop it, or point RESONANCE_DATA_DIR elsewhere, or use a ClickHouse server (CLICKHOUSE_URL).',
        { cause: error },
      );
    }
    throw error;
  }
  try {
    await migrate(db);
    // Rollups of data loaded before they existed (or by a load killed before its rollup pass).
    await refreshRollups(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * Provides the one Database of the process (embedded ClickHouse allows one data directory per
 * process, so nothing else may open its own) and closes it at shutdown.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  static forRoot(db: Database): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: DATABASE, useValue: db }], exports: [DATABASE] };
  }

  constructor(@InjectDatabase() private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
