import { Injectable } from '@nestjs/common';
import {
  customerFilter,
  interactionFilter,
  namedQuery,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
} from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';
import type { TimeRange } from '../filter/resolve-filter';
import type { BucketUnit } from './trend-buckets';

export type PeriodName = 'current' | 'previous';

/** Rows as ClickHouse returns them: 64-bit integers and decimals are strings. */
export interface InteractionKpiRow {
  period: PeriodName;
  inbound: string;
  replied: string;
  pending: string;
  missed: string;
  bot_replied: string;
  frt_p50: number | null;
  frt_p90: number | null;
  positive: string;
  negative: string;
  amplified_negative_reach: string;
}

export interface ValueKpiRow {
  period: PeriodName;
  active_customers: string;
  historical_value: string;
}

export interface TrendRow {
  bucket: string;
  inbound: string;
  replied: string;
  positive: string;
  negative: string;
}

/** A statement ready to run: SQL with `{name:Type}` placeholders and the values for them. */
export interface BoundQuery {
  sql: string;
  params: Record<string, unknown>;
}

function periodParams(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): Record<string, unknown> {
  return {
    workspace_id: workspaceId,
    from: toClickHouseTime(filter.from),
    to: toClickHouseTime(filter.to),
    compare_from: toClickHouseTime(compare.from),
    compare_to: toClickHouseTime(compare.to),
  };
}

/**
 * The Overview's statements, built from the named queries (sql/queries/overview/*.sql) and the
 * where-builder. Pure, so a test can snapshot the exact SQL a filter produces.
 */
export const overviewQueries = {
  interactionKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange, now: Date): BoundQuery {
    const where = interactionFilter(filter, 'i.');
    return {
      sql: withFilter(namedQuery('overview/interaction_kpis'), where),
      params: { ...periodParams(workspaceId, filter, compare), ...where.params, now: toClickHouseTime(now) },
    };
  },

  valueKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): BoundQuery {
    const interactions = interactionFilter(filter);
    const customers = customerFilter(filter);
    return {
      sql: withFilter(withFilter(namedQuery('overview/value_kpis'), interactions), customers, '/*customer_filter*/'),
      params: { ...periodParams(workspaceId, filter, compare), ...interactions.params, ...customers.params },
    };
  },

  trend(workspaceId: string, filter: AnalyticsFilter, bucket: BucketUnit): BoundQuery {
    const where = interactionFilter(filter);
    return {
      sql: withFilter(namedQuery('overview/trend'), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        bucket,
        ...where.params,
      },
    };
  },
};

/** Runs the Overview's statements, always scoped to one workspace. */
@Injectable()
export class OverviewRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>({ sql, params }: BoundQuery): Promise<T[]> {
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** Inbound-message KPIs for the period and the compare period; a period without messages has no row. */
  interactionKpis(
    workspaceId: string,
    filter: AnalyticsFilter,
    compare: TimeRange,
    now: Date,
  ): Promise<InteractionKpiRow[]> {
    return this.rows(overviewQueries.interactionKpis(workspaceId, filter, compare, now));
  }

  /** Customer KPIs (active customers, historical value) for the period and the compare period. */
  valueKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): Promise<ValueKpiRow[]> {
    return this.rows(overviewQueries.valueKpis(workspaceId, filter, compare));
  }

  /** Per-bucket counts over the period; buckets without messages are absent. */
  trend(workspaceId: string, filter: AnalyticsFilter, bucket: BucketUnit): Promise<TrendRow[]> {
    return this.rows(overviewQueries.trend(workspaceId, filter, bucket));
  }
}
