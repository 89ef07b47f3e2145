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
import { inboundQuery, NO_SLA, type InboundKey } from '../common/inbound-rows.sql';
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

/**
 * A trend bucket's row (is_total = 0), or the period's total (is_total = 1, key ''), with the lift
 * of its messages: pairs, improved and worsened are counts; lift_average is NULL without a pair.
 */
export interface TrendRow extends SentimentRow {
  is_total: number;
  lift_pairs: string;
  lift_average: number | null;
  lift_improved: string;
  lift_worsened: string;
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

  /** Rows per bucket, then the period's total with its lift (is_total = 1; none without messages). */
  async trend(workspaceId: string, filter: AnalyticsFilter, bucket: TrendBucket): Promise<TrendRow[]> {
    return this.rows(this.buildTrend(workspaceId, filter, bucket, await this.coverage.read(workspaceId)));
  }
}
