import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { migrate, openDatabase, type Database } from '@resonance/sql';
import { AppConfig } from '../config/app-config';

export const DATABASE = Symbol('Database');
export const InjectDatabase = (): ParameterDecorator => Inject(DATABASE);

/**
 * The one Database of the process: opened and migrated at boot, closed at shutdown. Embedded
 * ClickHouse allows one data directory per process, so nothing else may open its own.
 */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<Database> => {
        const db = await openDatabase(config.clickhouse);
        try {
          await migrate(db);
        } catch (error) {
          await db.close();
          throw error;
        }
        return db;
      },
    },
  ],
  exports: [DATABASE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@InjectDatabase() private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
