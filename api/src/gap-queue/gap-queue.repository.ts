import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  missedRollupFilter,
  missedWindow,
  namedQuery,
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

/** The customers of a page's candidates, once each. */
function pageCustomers(candidates: GapQueueCandidate[]): string[] {
  return [...new Set(candidates.map((c) => c.customer_id).filter((id) => id !== ''))];
}

/** A position in the queue: the six parts of sort_key, as text (see gap_queue/page.sql). */
export type GapQueuePosition = [
  sentiment: string,
  isPrivate: string,
  negativeReach: string,
  negativeValue: string,
  createdAtMs: string,
  interactionId: string,
];

export interface GapQueueCandidate {
  interaction_id: string;
  customer_id: string;
  created_at: string;
  /** coalesce(sentiment, 0): the queue's first key, and missed_daily's. */
  rank_sentiment: number;
  /** Read from the missed_daily rollup (its whole days), else from the rows. */
  from_rollup: boolean;
}

export interface GapQueueRow {
  interaction_id: string;
  created_at: string;
  brand: string;
  channel: string;
  is_public: boolean;
  author_handle: string;
  customer_id: string;
  text: string;
  sentiment: number | null;
  age_seconds: number;
  reach: string | null;
  customer_value: number | null;
  /** [Float64, UInt8, Int64 (quoted), Float64, Int64 (quoted), String] */
  sort_key: [number, number, string, number, string, string];
  customer_name: string | null;
  customer_segment: string | null;
}

const AFTER =
  'AND sort_key > tuple({after_sentiment:Float64}, {after_private:UInt8}, {after_reach:Int64}, ' +
  '{after_value:Float64}, {after_created:Int64}, {after_id:String})';

/** The gap queue's SQL (sql/queries/gap_queue), always scoped to one workspace. */
@Injectable()
export class GapQueueRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  private params(workspaceId: string, filter: AnalyticsFilter, now: Date): Record<string, unknown> {
    return {
      workspace_id: workspaceId,
      from: toClickHouseTime(filter.from),
      to: toClickHouseTime(filter.to),
      now: toClickHouseTime(now),
    };
  }

  /**
   * Whole days from the missed_daily rollup where the filter and the rollup's coverage allow
   * (missedWindow), the rest from the rows: the same candidates either way.
   */
  buildCandidates(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
    after: GapQueuePosition | null,
    coverage: InboundCoverage,
  ): BuiltQuery {
    const where = interactionFilter(filter);
    const rollup = missedRollupFilter(filter, 'r.');
    let query = withFilter(namedQuery('gap_queue/candidates'), where);
    query = withFilter(query, rollup ?? { sql: '', params: {} }, '/*rollup_filter*/');
    return {
      query,
      // −2 is below every sentiment: the first page starts at the bottom.
      params: {
        ...this.params(workspaceId, filter, now),
        ...missedWindow(coverage, filter.from, filter.to, now, rollup !== null),
        ...where.params,
        limit,
        after_sentiment: after ? after[0] : -2,
      },
    };
  }

  /** The messages (and their customers) that can be on the page after `after`: a few more than `limit`. */
  async candidates(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
    after: GapQueuePosition | null,
  ): Promise<GapQueueCandidate[]> {
    const coverage = await this.coverage.read(workspaceId);
    const { query, params } = this.buildCandidates(workspaceId, filter, now, limit, after, coverage);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<GapQueueCandidate>();
  }

  /**
   * The page's query. The rollup's candidates are read from missed_daily at the builds that
   * `coverage` names, as buildCandidates read them; the others from the rows.
   */
  buildPage(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
    after: GapQueuePosition | null,
    candidates: GapQueueCandidate[],
    valued: readonly string[],
    coverage: InboundCoverage,
  ): BuiltQuery {
    const keyset = after
      ? {
          sql: AFTER,
          params: {
            after_sentiment: after[0],
            after_private: after[1],
            after_reach: after[2],
            after_value: after[3],
            after_created: after[4],
            after_id: after[5],
          },
        }
      : { sql: '', params: {} };
    const customers = pageCustomers(candidates);
    const fromRollup = candidates.filter((c) => c.from_rollup);
    const fromRows = candidates.filter((c) => !c.from_rollup);
    return {
      query: withFilter(namedQuery('gap_queue/page'), keyset, '/*after*/'),
      params: {
        ...this.params(workspaceId, filter, now),
        ...missedWindow(coverage, filter.from, filter.to, now, missedRollupFilter(filter) !== null),
        ...keyset.params,
        limit,
        rollup_ids: fromRollup.map((c) => c.interaction_id),
        rollup_ranks: [...new Set(fromRollup.map((c) => c.rank_sentiment))],
        rollup_times: [...new Set(fromRollup.map((c) => c.created_at))],
        ids: fromRows.map((c) => c.interaction_id),
        times: [...new Set(fromRows.map((c) => c.created_at))],
        customers,
        unvalued: customers.filter((id) => !valued.includes(id)),
      },
    };
  }

  /** Up to `limit` of the candidates after the position, worst first, with their details. */
  async page(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
    after: GapQueuePosition | null,
    candidates: GapQueueCandidate[],
  ): Promise<GapQueueRow[]> {
    if (candidates.length === 0) return [];
    const valued = await this.db.client.query({
      query: namedQuery('gap_queue/valued_customers'),
      query_params: { workspace_id: workspaceId, customers: pageCustomers(candidates) },
      format: 'JSONEachRow',
    });
    const valuedIds = (await valued.json<{ customer_id: string }>()).map((r) => r.customer_id);
    const coverage = await this.coverage.read(workspaceId);
    const { query, params } = this.buildPage(workspaceId, filter, now, limit, after, candidates, valuedIds, coverage);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<GapQueueRow>();
  }

  buildCount(workspaceId: string, filter: AnalyticsFilter, now: Date, coverage: InboundCoverage): BuiltQuery {
    return inboundQuery(namedQuery('gap_queue/count'), workspaceId, filter, WORKSPACE_KEY, now, coverage);
  }

  async count(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<number> {
    const { query, params } = this.buildCount(workspaceId, filter, now, await this.coverage.read(workspaceId));
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    const [row] = await result.json<{ missed: string }>();
    return Number(row?.missed ?? 0);
  }
}
