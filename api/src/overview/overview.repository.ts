import { Injectable } from '@nestjs/common';
import {
  customerFilter,
  interactionFilter,
  namedQuery,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery, type InboundKey } from '../common/inbound-rows.sql';
import { InjectDatabase } from '../database/database.module';
import type { TimeRange } from '../filter/resolve-filter';
import type { BucketUnit } from './trend-buckets';

export type PeriodName = 'current' | 'previous';

/**
 * A row as ClickHouse returns it: 64-bit integers are strings. Trend buckets first, then the
 * period's total (is_total = 1); `frt` is [p50, p90], NaN when nothing was answered.
 */
export interface InboundKpiRow {
  bucket: string;
  is_total: number;
  inbound: string;
  replied: string;
  pending: string;
  missed: string;
  bot_replied: string;
  frt: number[];
  positive: string;
  negative: string;
  amplified_negative_reach: string;
}

export interface ValueKpiRow {
  period: PeriodName;
  active_customers: string;
  historical_value: string;
}

/** A statement ready to run: SQL with `{name:Type}` placeholders and the values for them. */
export interface BoundQuery {
  sql: string;
  params: Record<string, unknown>;
}

/** Trend buckets over the rows and over the rollup (which keeps days: no hours). UTC, as DateTime. */
const BUCKET_KEYS: Record<BucketUnit, InboundKey> = {
  hour: {
    rows: "toDateTime(toStartOfHour(i.created_at), 'UTC')",
    rollup: "toDateTime(r.day, 'UTC')",
    customers: false,
    rollupServes: false,
  },
  day: {
    rows: "toDateTime(toStartOfDay(i.created_at), 'UTC')",
    rollup: "toDateTime(r.day, 'UTC')",
    customers: false,
    rollupServes: true,
  },
  week: {
    rows: "toDateTime(toMonday(i.created_at), 'UTC')",
    rollup: "toDateTime(toMonday(r.day), 'UTC')",
    customers: false,
    rollupServes: true,
  },
  month: {
    rows: "toDateTime(toStartOfMonth(i.created_at), 'UTC')",
    rollup: "toDateTime(toStartOfMonth(r.day), 'UTC')",
    customers: false,
    rollupServes: true,
  },
};

/**
 * The Overview's statements, built from the named queries (sql/queries/overview/*.sql) and the
 * where-builder. Pure, so a test can snapshot the exact SQL a filter produces.
 */
export const overviewQueries = {
  inboundKpis(
    workspaceId: string,
    filter: AnalyticsFilter,
    bucket: BucketUnit,
    now: Date,
    coverage: InboundCoverage,
  ): BoundQuery {
    const key = BUCKET_KEYS[bucket];
    const { query, params } = inboundQuery(namedQuery('overview/inbound_kpis'), workspaceId, filter, key, now, coverage);
    return { sql: query, params };
  },

  valueKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): BoundQuery {
    const interactions = interactionFilter(filter);
    const customers = customerFilter(filter);
    return {
      sql: withFilter(withFilter(namedQuery('overview/value_kpis'), interactions), customers, '/*customer_filter*/'),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        compare_from: toClickHouseTime(compare.from),
        compare_to: toClickHouseTime(compare.to),
        ...interactions.params,
        ...customers.params,
      },
    };
  },
};

/** Runs the Overview's statements, always scoped to one workspace. */
@Injectable()
export class OverviewRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  private async rows<T>({ sql, params }: BoundQuery): Promise<T[]> {
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** Inbound-message KPIs of one period (the total row) and its trend per bucket. */
  async inboundKpis(workspaceId: string, filter: AnalyticsFilter, bucket: BucketUnit, now: Date): Promise<InboundKpiRow[]> {
    const coverage = await this.coverage.read(workspaceId);
    return this.rows(overviewQueries.inboundKpis(workspaceId, filter, bucket, now, coverage));
  }

  /** Customer KPIs (active customers, historical value) for the period and the compare period. */
  valueKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): Promise<ValueKpiRow[]> {
    return this.rows(overviewQueries.valueKpis(workspaceId, filter, compare));
  }
}
