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

/** The Overview's SQL (sql/queries/overview/*.sql), always scoped to one workspace. */
@Injectable()
export class OverviewRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private periodParams(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): Record<string, unknown> {
    return {
      workspace_id: workspaceId,
      from: toClickHouseTime(filter.from),
      to: toClickHouseTime(filter.to),
      compare_from: toClickHouseTime(compare.from),
      compare_to: toClickHouseTime(compare.to),
    };
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** Inbound-message KPIs for the period and the compare period; a period without messages has no row. */
  async interactionKpis(
    workspaceId: string,
    filter: AnalyticsFilter,
    compare: TimeRange,
    now: Date,
  ): Promise<InteractionKpiRow[]> {
    const where = interactionFilter(filter, 'i.');
    return this.rows(withFilter(namedQuery('overview/interaction_kpis'), where), {
      ...this.periodParams(workspaceId, filter, compare),
      ...where.params,
      now: toClickHouseTime(now),
    });
  }

  /** Customer KPIs (active customers, historical value) for the period and the compare period. */
  async valueKpis(workspaceId: string, filter: AnalyticsFilter, compare: TimeRange): Promise<ValueKpiRow[]> {
    const interactions = interactionFilter(filter);
    const customers = customerFilter(filter);
    const sql = withFilter(
      withFilter(namedQuery('overview/value_kpis'), interactions),
      customers,
      '/*customer_filter*/',
    );
    return this.rows(sql, {
      ...this.periodParams(workspaceId, filter, compare),
      ...interactions.params,
      ...customers.params,
    });
  }

  /** Per-bucket counts over the period; buckets without messages are absent. */
  async trend(workspaceId: string, filter: AnalyticsFilter, bucket: BucketUnit): Promise<TrendRow[]> {
    const where = interactionFilter(filter);
    return this.rows(withFilter(namedQuery('overview/trend'), where), {
      workspace_id: workspaceId,
      from: toClickHouseTime(filter.from),
      to: toClickHouseTime(filter.to),
      bucket,
      ...where.params,
    });
  }
}
