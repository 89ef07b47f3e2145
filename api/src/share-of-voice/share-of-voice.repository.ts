import { Injectable } from '@nestjs/common';
import { namedQuery, type AnalyticsFilter, type Database, type InboundCoverage } from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery, NO_SLA } from '../common/inbound-rows.sql';
import { InjectDatabase } from '../database/database.module';
import { GroupBy } from '../response/dto/group-by.enum';
import { groupKey } from '../response/group-by.sql';
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
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  build(workspaceId: string, filter: AnalyticsFilter, coverage: InboundCoverage): BuiltQuery {
    return inboundQuery(namedQuery('share_of_voice/brands'), workspaceId, filter, groupKey(GroupBy.BRAND), NO_SLA, coverage);
  }

  async mentions(workspaceId: string, filter: AnalyticsFilter): Promise<BrandMentionsRow[]> {
    const { query, params } = this.build(workspaceId, filter, await this.coverage.read(workspaceId));
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<BrandMentionsRow>();
  }
}
