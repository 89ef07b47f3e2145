import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  namedQuery,
  postsRollupFilter,
  postsWindow,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery, WORKSPACE_KEY } from '../common/inbound-rows.sql';
import { InjectDatabase } from '../database/database.module';
import type { BuiltQuery } from '../response/response.repository';

/** Sums and counts are 64-bit: strings. */
export interface AmplificationSummaryRow {
  public_messages: string;
  shares: string;
  quotes: string;
  reach: string;
  negative_messages: string;
  negative_reach: string;
  answered_negative_reach: string;
  missed_negative_reach: string;
  pending_negative_reach: string;
}

export interface TopPostRow {
  interaction_id: string;
  created_at: string;
  brand: string;
  channel: string;
  author_handle: string;
  text: string;
  sentiment: number | null;
  shares: number;
  quotes: number;
  amplification: string;
  reach: string;
  answered: boolean;
}

/** The amplification SQL (sql/queries/amplification), always scoped to one workspace. */
@Injectable()
export class AmplificationRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  private async rows<T>({ query, params }: BuiltQuery): Promise<T[]> {
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  private build(
    name: string,
    workspaceId: string,
    filter: AnalyticsFilter,
    extra: Record<string, unknown>,
  ): BuiltQuery {
    const where = interactionFilter(filter, 'i.');
    return {
      query: withFilter(namedQuery(name), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        ...where.params,
        ...extra,
      },
    };
  }

  buildSummary(workspaceId: string, filter: AnalyticsFilter, now: Date, coverage: InboundCoverage): BuiltQuery {
    return inboundQuery(namedQuery('amplification/summary'), workspaceId, filter, WORKSPACE_KEY, now, coverage);
  }

  async summary(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<AmplificationSummaryRow> {
    const coverage = await this.coverage.read(workspaceId);
    const [row] = await this.rows<AmplificationSummaryRow>(this.buildSummary(workspaceId, filter, now, coverage));
    // An aggregate without GROUP BY always returns one row.
    return row!;
  }

  /**
   * The first posts of whole days from the public_posts_daily rollup where the filter and the
   * rollup's coverage allow (postsWindow), the rest from the rows: the same posts either way.
   */
  buildTopPosts(workspaceId: string, filter: AnalyticsFilter, limit: number, coverage: InboundCoverage): BuiltQuery {
    const rollup = postsRollupFilter(filter, 'r.');
    const built = this.build('amplification/top_posts', workspaceId, filter, {
      limit,
      ...postsWindow(coverage, filter.from, filter.to, rollup !== null),
    });
    return { query: withFilter(built.query, rollup ?? { sql: '', params: {} }, '/*rollup_filter*/'), params: built.params };
  }

  async topPosts(workspaceId: string, filter: AnalyticsFilter, limit: number): Promise<TopPostRow[]> {
    const coverage = await this.coverage.read(workspaceId);
    return this.rows(this.buildTopPosts(workspaceId, filter, limit, coverage));
  }
}
