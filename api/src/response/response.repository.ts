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
import type { GroupBy } from './dto/group-by.enum';
import { withGroupBy } from './group-by.sql';

/** A row as ClickHouse returns it: counts are strings; quantiles are NaN when nothing replied. */
export interface ResponseRow {
  key: string;
  is_total: number;
  inbound: string;
  replied: string;
  pending: string;
  missed: string;
  bot_replied: string;
  frt: number[];
  frt_mean: number | null;
  business_frt: number[];
  business_frt_mean: number | null;
}

export interface BuiltQuery {
  query: string;
  params: Record<string, unknown>;
}

/** The Response page's SQL (sql/queries/response), always scoped to one workspace. */
@Injectable()
export class ResponseRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  build(workspaceId: string, filter: AnalyticsFilter, groupBy: GroupBy | null, now: Date): BuiltQuery {
    const where = interactionFilter(filter, 'i.');
    return {
      query: withGroupBy(withFilter(namedQuery('response/response'), where), groupBy),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        ...where.params,
      },
    };
  }

  /** Rows per group, then the total row (is_total = 1). */
  async response(
    workspaceId: string,
    filter: AnalyticsFilter,
    groupBy: GroupBy | null,
    now: Date,
  ): Promise<ResponseRow[]> {
    const { query, params } = this.build(workspaceId, filter, groupBy, now);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<ResponseRow>();
  }
}
