import { Injectable } from '@nestjs/common';
import { namedQuery, toClickHouseTime, type Database } from '@resonance/sql';
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

/** The customers SQL (sql/queries/customers/*.sql), always scoped to one workspace. */
@Injectable()
export class CustomersRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>(name: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.db.client.query({ query: namedQuery(name), query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  /** Up to `limit` customers matching `text` with an id after `after` ('' for the first page). */
  search(workspaceId: string, text: string, after: string, limit: number): Promise<CustomerRow[]> {
    return this.rows('customers/search', {
      workspace_id: workspaceId,
      pattern: containsPattern(text),
      handle_pattern: containsPattern(text.replace(/^@/, '')),
      after,
      limit,
    });
  }

  async customer(workspaceId: string, customerId: string): Promise<CustomerRow | undefined> {
    return (await this.rows<CustomerRow>('customers/detail', { workspace_id: workspaceId, customer_id: customerId }))[0];
  }

  identities(workspaceId: string, customerId: string): Promise<IdentityRow[]> {
    return this.rows('customers/identities', { workspace_id: workspaceId, customer_id: customerId });
  }

  async value(workspaceId: string, customerId: string): Promise<ValueRow> {
    const [row] = await this.rows<ValueRow>('customers/value', { workspace_id: workspaceId, customer_id: customerId });
    // The transactions side is an aggregate without GROUP BY: always one row.
    return row!;
  }

  timeline(workspaceId: string, customerId: string, before: TimelinePosition | null, limit: number): Promise<TimelineRow[]> {
    return this.rows('customers/timeline', {
      workspace_id: workspaceId,
      customer_id: customerId,
      before_at: toClickHouseTime(before?.at ?? END_OF_TIME),
      before_id: before?.eventId ?? '',
      limit,
    });
  }
}
