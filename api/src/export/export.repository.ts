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

/** One exported message: export/messages.sql with reach and segment added. 64-bit integers are strings. */
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

type PageRow = Omit<MessageRow, 'segment' | 'shares' | 'quotes' | 'impressions' | 'reach'> & {
  author_followers: number | null;
};

interface EngagementRow {
  interaction_id: string;
  shares: number;
  quotes: number;
  impressions: string | null;
}

/** The export SQL (sql/queries/export/*.sql) bound to its parameters, for one workspace. */
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

  count(workspaceId: string, filter: AnalyticsFilter): BoundQuery {
    const where = interactionFilter(filter);
    return {
      sql: withFilter(namedQuery('export/count'), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        ...where.params,
      },
    };
  },

  engagement(workspaceId: string, interactionIds: string[]): BoundQuery {
    return { sql: namedQuery('export/engagement'), params: { workspace_id: workspaceId, ids: interactionIds } };
  },

  segments(workspaceId: string, customerIds: string[]): BoundQuery {
    return { sql: namedQuery('export/segments'), params: { workspace_id: workspaceId, ids: customerIds } };
  },
};

/** Runs the export SQL: a page of messages, then the reach and segments of that page. */
@Injectable()
export class ExportRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>({ sql, params }: BoundQuery): Promise<T[]> {
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** How many messages `messages` lists for the filter, over all its pages. */
  async count(workspaceId: string, filter: AnalyticsFilter): Promise<number> {
    const [row] = await this.rows<{ messages: string }>(exportQueries.count(workspaceId, filter));
    return Number(row?.messages ?? 0);
  }

  async messages(
    workspaceId: string,
    filter: AnalyticsFilter,
    after: MessagePosition | null,
    limit: number,
    now: Date,
  ): Promise<MessageRow[]> {
    const page = await this.rows<PageRow>(exportQueries.messages(workspaceId, filter, after, limit, now));
    if (page.length === 0) return [];
    const posts = page.filter((m) => m.is_public).map((m) => m.message_id);
    const customers = [...new Set(page.map((m) => m.customer_id).filter((id) => id !== ''))];
    const [engagement, segments] = await Promise.all([
      posts.length ? this.rows<EngagementRow>(exportQueries.engagement(workspaceId, posts)) : [],
      customers.length
        ? this.rows<{ customer_id: string; segment: string }>(exportQueries.segments(workspaceId, customers))
        : [],
    ]);
    const byPost = new Map(engagement.map((e) => [e.interaction_id, e]));
    const segmentOf = new Map(segments.map((c) => [c.customer_id, c.segment]));
    return page.map(({ author_followers, ...m }) => {
      const e = byPost.get(m.message_id);
      const followers = author_followers === null ? null : String(author_followers);
      return {
        ...m,
        segment: segmentOf.get(m.customer_id) ?? '',
        shares: e?.shares ?? null,
        quotes: e?.quotes ?? null,
        impressions: e?.impressions ?? null,
        // Reach: impressions of the latest snapshot, else the author's followers (DESIGN.md).
        reach: e?.impressions ?? followers,
      };
    });
  }
}
