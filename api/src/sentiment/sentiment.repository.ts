import { Injectable } from '@nestjs/common';
import {
  namedQuery,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';
import type { GroupBy } from '../response/dto/group-by.enum';
import { groupKey } from '../response/group-by.sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery, NO_SLA, WORKSPACE_KEY, type InboundKey } from '../common/inbound-rows.sql';
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

/** Trend buckets as 'YYYY-MM-DD' of the UTC day or its week's Monday, over the rows and the rollup. */
const TREND_KEYS: Record<TrendBucket, InboundKey> = {
  day: { rows: 'toString(toDate(i.created_at))', rollup: 'toString(r.day)', customers: false, rollupServes: true },
  week: { rows: 'toString(toMonday(i.created_at))', rollup: 'toString(toMonday(r.day))', customers: false, rollupServes: true },
};

/** The sentiment SQL (sql/queries/sentiment), always scoped to one workspace. */
@Injectable()
export class SentimentRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  private async rows<T>({ query, params }: BuiltQuery): Promise<T[]> {
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  buildDistribution(
    workspaceId: string,
    filter: AnalyticsFilter,
    groupBy: GroupBy | null,
    coverage: InboundCoverage,
  ): BuiltQuery {
    return inboundQuery(namedQuery('sentiment/distribution'), workspaceId, filter, groupKey(groupBy), NO_SLA, coverage);
  }

  /** Rows per group, then the total row (is_total = 1). */
  async distribution(workspaceId: string, filter: AnalyticsFilter, groupBy: GroupBy | null): Promise<SentimentRow[]> {
    return this.rows(this.buildDistribution(workspaceId, filter, groupBy, await this.coverage.read(workspaceId)));
  }

  buildTrend(workspaceId: string, filter: AnalyticsFilter, bucket: TrendBucket, coverage: InboundCoverage): BuiltQuery {
    return inboundQuery(namedQuery('sentiment/trend'), workspaceId, filter, TREND_KEYS[bucket], NO_SLA, coverage);
  }

  async trend(workspaceId: string, filter: AnalyticsFilter, bucket: TrendBucket): Promise<SentimentRow[]> {
    return this.rows(this.buildTrend(workspaceId, filter, bucket, await this.coverage.read(workspaceId)));
  }

  buildLift(workspaceId: string, filter: AnalyticsFilter, coverage: InboundCoverage): BuiltQuery {
    return inboundQuery(namedQuery('sentiment/lift'), workspaceId, filter, WORKSPACE_KEY, NO_SLA, coverage);
  }

  async lift(workspaceId: string, filter: AnalyticsFilter): Promise<LiftRow> {
    const [row] = await this.rows<LiftRow>(this.buildLift(workspaceId, filter, await this.coverage.read(workspaceId)));
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }
}
