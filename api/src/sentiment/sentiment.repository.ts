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
import type { GroupBy } from '../response/dto/group-by.enum';
import { withGroupBy } from '../response/group-by.sql';
import type { BuiltQuery } from '../response/response.repository';

/** Counts are strings (64-bit); average is NULL when nothing is scored. */
export interface SentimentRow {
  key: string;
  is_total?: number;
  inbound: string;
  positive: string;
  neutral: string;
  negative: string;
  average: number | null;
}

export interface LiftRow {
  pairs: string;
  average: number | null;
  improved: string;
  worsened: string;
}

export type TrendBucket = 'day' | 'week';

/** The sentiment SQL (sql/queries/sentiment), always scoped to one workspace. */
@Injectable()
export class SentimentRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private period(workspaceId: string, filter: AnalyticsFilter): Record<string, unknown> {
    return { workspace_id: workspaceId, from: toClickHouseTime(filter.from), to: toClickHouseTime(filter.to) };
  }

  private async rows<T>({ query, params }: BuiltQuery): Promise<T[]> {
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  buildDistribution(workspaceId: string, filter: AnalyticsFilter, groupBy: GroupBy | null): BuiltQuery {
    const where = interactionFilter(filter, 'i.');
    return {
      query: withGroupBy(withFilter(namedQuery('sentiment/distribution'), where), groupBy),
      params: { ...this.period(workspaceId, filter), ...where.params },
    };
  }

  /** Rows per group, then the total row (is_total = 1). */
  distribution(workspaceId: string, filter: AnalyticsFilter, groupBy: GroupBy | null): Promise<SentimentRow[]> {
    return this.rows(this.buildDistribution(workspaceId, filter, groupBy));
  }

  buildTrend(workspaceId: string, filter: AnalyticsFilter, bucket: TrendBucket): BuiltQuery {
    const where = interactionFilter(filter);
    return {
      query: withFilter(namedQuery('sentiment/trend'), where),
      params: { ...this.period(workspaceId, filter), ...where.params, bucket },
    };
  }

  trend(workspaceId: string, filter: AnalyticsFilter, bucket: TrendBucket): Promise<SentimentRow[]> {
    return this.rows(this.buildTrend(workspaceId, filter, bucket));
  }

  buildLift(workspaceId: string, filter: AnalyticsFilter): BuiltQuery {
    const where = interactionFilter(filter);
    return {
      query: withFilter(namedQuery('sentiment/lift'), where),
      params: { ...this.period(workspaceId, filter), ...where.params },
    };
  }

  async lift(workspaceId: string, filter: AnalyticsFilter): Promise<LiftRow> {
    const [row] = await this.rows<LiftRow>(this.buildLift(workspaceId, filter));
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }
}
