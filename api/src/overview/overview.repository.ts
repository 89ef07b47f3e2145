import { Injectable } from '@nestjs/common';
import {
  customerFilter,
  customerRollupFilter,
  namedQuery,
  transactionsWindow,
  withFilter,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery, NO_SLA, WORKSPACE_KEY, type InboundKey } from '../common/inbound-rows.sql';
import { InjectDatabase } from '../database/database.module';
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

  /** The KPIs of a period without its trend: one row, the total (is_total = 1). */
  inboundTotal(workspaceId: string, filter: AnalyticsFilter, now: Date, coverage: InboundCoverage): BoundQuery {
    const { query, params } = inboundQuery(namedQuery('overview/inbound_total'), workspaceId, filter, WORKSPACE_KEY, now, coverage);
    return { sql: query, params };
  },

  valueKpis(workspaceId: string, filter: AnalyticsFilter, coverage: InboundCoverage): BoundQuery {
    // Active customers do not depend on the SLA: every whole day of the period may come from the rollups.
    const inbound = inboundQuery(namedQuery('overview/value_kpis'), workspaceId, filter, WORKSPACE_KEY, NO_SLA, coverage);
    const rows = customerFilter(filter, 't.');
    const rollup = customerRollupFilter(filter, 'r.');
    return {
      sql: withFilter(withFilter(inbound.query, rows, '/*customer_filter*/'), rollup, '/*tx_rollup_filter*/'),
      params: {
        ...inbound.params,
        ...transactionsWindow(coverage, filter.from, filter.to, true),
        ...rows.params,
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

  /** Inbound-message KPIs of one period, without a trend: its total row. */
  async inboundTotal(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<InboundKpiRow> {
    const coverage = await this.coverage.read(workspaceId);
    const [row] = await this.rows<InboundKpiRow>(overviewQueries.inboundTotal(workspaceId, filter, now, coverage));
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }

  /** Customer KPIs (active customers, historical value) of one period. */
  async valueKpis(workspaceId: string, filter: AnalyticsFilter): Promise<ValueKpiRow> {
    const coverage = await this.coverage.read(workspaceId);
    const [row] = await this.rows<ValueKpiRow>(overviewQueries.valueKpis(workspaceId, filter, coverage));
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }
}
