import { Injectable } from '@nestjs/common';
import { namedQuery, toClickHouseTime, type Database } from '@resonance/sql';
import type { BoundQuery } from '../data/data.repository';
import { InjectDatabase } from '../database/database.module';

/** Rows as ClickHouse returns them: 64-bit integers and decimals are strings. */
export interface CustomerRow {
  customer_id: string;
  name: string;
  email: string;
  segment: string;
  lifecycle_stage: string;
  country: string;
  first_seen_at: string;
}

export interface IdentityRow {
  kind: string;
  handle: string;
  followers: number | null;
}

export interface ValueRow {
  transactions: string;
  historical_value: string;
  run_id: string | null;
  predicted_clv: number | null;
  p_alive: number | null;
  expected_purchases: number | null;
  computed_at: string | null;
}

export interface TimelineRow {
  event_kind: 'message' | 'reply' | 'transaction';
  event_id: string;
  at: string;
  channel: string;
  brand: string;
  is_public: boolean | null;
  author: string;
  text: string;
  sentiment: number | null;
  in_reply_to: string;
  first_reply_at: string | null;
  first_bot_reply_at: string | null;
  transaction_kind: string;
  amount: string | null;
  currency: string;
}

/** Where a timeline page starts: strictly before this event. */
export interface TimelinePosition {
  at: Date;
  eventId: string;
}

/** After the last possible event: the first page of a timeline starts here. */
const END_OF_TIME = new Date(Date.UTC(2300, 0, 1));

/** LIKE '%text%' matching the text literally: LIKE's escape character and wildcards are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The customers SQL (sql/queries/customers/*.sql) bound to its parameters, always for one workspace. */
export const customersQueries = {
  search(workspaceId: string, text: string, after: string, limit: number): BoundQuery {
    return {
      sql: namedQuery('customers/search'),
      params: {
        workspace_id: workspaceId,
        pattern: containsPattern(text),
        handle_pattern: containsPattern(text.replace(/^@/, '')),
        after,
        limit,
      },
    };
  },

  customer(workspaceId: string, customerId: string): BoundQuery {
    return { sql: namedQuery('customers/detail'), params: { workspace_id: workspaceId, customer_id: customerId } };
  },

  identities(workspaceId: string, customerId: string): BoundQuery {
    return { sql: namedQuery('customers/identities'), params: { workspace_id: workspaceId, customer_id: customerId } };
  },

  value(workspaceId: string, customerId: string): BoundQuery {
    return { sql: namedQuery('customers/value'), params: { workspace_id: workspaceId, customer_id: customerId } };
  },

  timeline(workspaceId: string, customerId: string, before: TimelinePosition | null, limit: number): BoundQuery {
    return {
      sql: namedQuery('customers/timeline'),
      params: {
        workspace_id: workspaceId,
        customer_id: customerId,
        before_at: toClickHouseTime(before?.at ?? END_OF_TIME),
        before_id: before?.eventId ?? '',
        limit,
      },
    };
  },
};

/** Runs the customers SQL. */
@Injectable()
export class CustomersRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>({ sql, params }: BoundQuery): Promise<T[]> {
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** Up to `limit` customers matching `text` with an id after `after` ('' for the first page). */
  search(workspaceId: string, text: string, after: string, limit: number): Promise<CustomerRow[]> {
    return this.rows(customersQueries.search(workspaceId, text, after, limit));
  }

  async customer(workspaceId: string, customerId: string): Promise<CustomerRow | undefined> {
    return (await this.rows<CustomerRow>(customersQueries.customer(workspaceId, customerId)))[0];
  }

  identities(workspaceId: string, customerId: string): Promise<IdentityRow[]> {
    return this.rows(customersQueries.identities(workspaceId, customerId));
  }

  async value(workspaceId: string, customerId: string): Promise<ValueRow> {
    const [row] = await this.rows<ValueRow>(customersQueries.value(workspaceId, customerId));
    // The transactions side is an aggregate without GROUP BY: always one row.
    return row!;
  }

  timeline(
    workspaceId: string,
    customerId: string,
    before: TimelinePosition | null,
    limit: number,
  ): Promise<TimelineRow[]> {
    return this.rows(customersQueries.timeline(workspaceId, customerId, before, limit));
  }
}
