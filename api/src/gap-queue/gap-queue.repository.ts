import { Injectable } from '@nestjs/common';
import { interactionFilter, namedQuery, toClickHouseTime, withFilter, type AnalyticsFilter, type Database } from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';
import type { BuiltQuery } from '../response/response.repository';

/** A position in the queue: the six parts of sort_key, as text (see gap_queue/page.sql). */
export type GapQueuePosition = [sentiment: string, isPrivate: string, negativeReach: string, negativeValue: string, createdAtMs: string, interactionId: string];

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
  constructor(@InjectDatabase() private readonly db: Database) {}

  private params(workspaceId: string, filter: AnalyticsFilter, now: Date): Record<string, unknown> {
    return { workspace_id: workspaceId, from: toClickHouseTime(filter.from), to: toClickHouseTime(filter.to), now: toClickHouseTime(now) };
  }

  buildPage(workspaceId: string, filter: AnalyticsFilter, now: Date, limit: number, after: GapQueuePosition | null): BuiltQuery {
    const where = interactionFilter(filter);
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
    return {
      query: withFilter(withFilter(namedQuery('gap_queue/page'), where), keyset, '/*after*/'),
      params: { ...this.params(workspaceId, filter, now), ...where.params, ...keyset.params, limit },
    };
  }

  /** Up to `limit` rows after the position, worst first. */
  async page(workspaceId: string, filter: AnalyticsFilter, now: Date, limit: number, after: GapQueuePosition | null): Promise<GapQueueRow[]> {
    const { query, params } = this.buildPage(workspaceId, filter, now, limit, after);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<GapQueueRow>();
  }

  buildCount(workspaceId: string, filter: AnalyticsFilter, now: Date): BuiltQuery {
    const where = interactionFilter(filter);
    return { query: withFilter(namedQuery('gap_queue/count'), where), params: { ...this.params(workspaceId, filter, now), ...where.params } };
  }

  async count(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<number> {
    const { query, params } = this.buildCount(workspaceId, filter, now);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    const [row] = await result.json<{ missed: string }>();
    return Number(row?.missed ?? 0);
  }
}
