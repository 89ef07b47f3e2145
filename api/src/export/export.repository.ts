import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  namedQuery,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
} from '@resonance/sql';
import type { BoundQuery } from '../data/data.repository';
import { InjectDatabase } from '../database/database.module';

/** One inbound message as export/messages.sql returns it: 64-bit integers are strings. */
export interface MessageRow {
  message_id: string;
  created_at: string;
  brand: string;
  channel: string;
  is_public: boolean;
  customer_id: string;
  segment: string;
  author: string;
  text: string;
  lang: string;
  sentiment: number | null;
  sentiment_class: string;
  status: string;
  first_reply_at: string | null;
  reply_seconds: number | null;
  reply_agent: string;
  bot_reply_at: string | null;
  shares: number | null;
  quotes: number | null;
  impressions: string | null;
  reach: string | null;
}

/** The columns of MessageRow in export order: the CSV header. */
export const MESSAGE_COLUMNS: readonly (keyof MessageRow)[] = [
  'message_id',
  'created_at',
  'brand',
  'channel',
  'is_public',
  'customer_id',
  'segment',
  'author',
  'text',
  'lang',
  'sentiment',
  'sentiment_class',
  'status',
  'first_reply_at',
  'reply_seconds',
  'reply_agent',
  'bot_reply_at',
  'shares',
  'quotes',
  'impressions',
  'reach',
];

/** Where a page of messages starts: strictly after this message. */
export interface MessagePosition {
  at: Date;
  id: string;
}

/** The export SQL (sql/queries/export/messages.sql) bound to its parameters, for one workspace. */
export const exportQueries = {
  messages(
    workspaceId: string,
    filter: AnalyticsFilter,
    after: MessagePosition | null,
    limit: number,
    now: Date,
  ): BoundQuery {
    const where = interactionFilter(filter);
    return {
      sql: withFilter(namedQuery('export/messages'), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        first_page: after === null,
        after_at: toClickHouseTime(after?.at ?? filter.from),
        after_id: after?.id ?? '',
        limit,
        ...where.params,
      },
    };
  },
};

/** Runs the export SQL. */
@Injectable()
export class ExportRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  async messages(
    workspaceId: string,
    filter: AnalyticsFilter,
    after: MessagePosition | null,
    limit: number,
    now: Date,
  ): Promise<MessageRow[]> {
    const { sql, params } = exportQueries.messages(workspaceId, filter, after, limit, now);
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<MessageRow>();
  }
}
