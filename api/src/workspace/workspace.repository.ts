import { Injectable } from '@nestjs/common';
import { namedQuery, type Database } from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';

export interface WorkspaceSettingsRow {
  workspace_id: string;
  name: string;
  currency: string;
  timezone: string;
  sla_hours: number;
}

export interface BrandRow {
  brand: string;
  name: string;
  is_own: boolean;
}

export interface DataRangeRow {
  channels: string[];
  data_from: string;
  data_to: string;
  inbound: string;
}

/** Workspace settings and what its data covers (sql/queries/workspace/*.sql). */
@Injectable()
export class WorkspaceRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>(name: string, workspaceId: string): Promise<T[]> {
    const result = await this.db.client.query({
      query: namedQuery(name),
      query_params: { workspace_id: workspaceId },
      format: 'JSONEachRow',
    });
    return result.json<T>();
  }

  async settings(workspaceId: string): Promise<WorkspaceSettingsRow | undefined> {
    return (await this.rows<WorkspaceSettingsRow>('workspace/settings', workspaceId))[0];
  }

  brands(workspaceId: string): Promise<BrandRow[]> {
    return this.rows('workspace/brands', workspaceId);
  }

  async segments(workspaceId: string): Promise<string[]> {
    return (await this.rows<{ segment: string }>('workspace/segments', workspaceId)).map((r) => r.segment);
  }

  /** As the last load wrote it; worked out from the rows when no load has since migration 0017. */
  async dataRange(workspaceId: string): Promise<DataRangeRow> {
    const [written] = await this.rows<DataRangeRow>('workspace/data_range', workspaceId);
    if (written) return written;
    const [row] = await this.rows<DataRangeRow>('workspace/data_range_scan', workspaceId);
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }
}
