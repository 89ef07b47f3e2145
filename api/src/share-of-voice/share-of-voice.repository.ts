import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  namedQuery,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
} from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';
import type { BuiltQuery } from '../response/response.repository';

export interface BrandMentionsRow {
  brand: string;
  mentions: string;
  positive: string;
  neutral: string;
  negative: string;
}

/** The share-of-voice SQL (sql/queries/share_of_voice), always scoped to one workspace. */
@Injectable()
export class ShareOfVoiceRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  build(workspaceId: string, filter: AnalyticsFilter): BuiltQuery {
    const where = interactionFilter(filter);
    return {
      query: withFilter(namedQuery('share_of_voice/brands'), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        ...where.params,
      },
    };
  }

  async mentions(workspaceId: string, filter: AnalyticsFilter): Promise<BrandMentionsRow[]> {
    const { query, params } = this.build(workspaceId, filter);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<BrandMentionsRow>();
  }
}
