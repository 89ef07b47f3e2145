import { Injectable } from '@nestjs/common';
import { namedQuery, type Database } from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';

/** Reads a workspace's data version (sql/queries/data/version.sql). */
@Injectable()
export class DataVersionRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  async version(workspaceId: string): Promise<string> {
    const result = await this.db.client.query({
      query: namedQuery('data/version'),
      query_params: { workspace_id: workspaceId },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ version: string }>();
    return row?.version ?? '';
  }
}
