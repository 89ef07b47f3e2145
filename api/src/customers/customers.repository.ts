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

/** Handle rows read per customer asked for: customers have a few handles each. */
const HANDLES_PER_CUSTOMER = 4;

/** ClickHouse's String order (bytes), which `<` on JavaScript strings is not beyond ASCII. */
function byId(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The candidates of one search batch (customers/search_candidates.sql rows): every id of either
 * side up to `end`, the first id where a side stopped at its limit (ids after it may be missing
 * from that side), in id order; `end` undefined when neither side stopped, so no candidate is left.
 */
export function searchWindow(
  rows: readonly { side: 'name' | 'handle'; customer_id: string }[],
  nameLimit: number,
  handleLimit: number,
): { candidates: string[]; end: string | undefined } {
  const side = (name: 'name' | 'handle') =>
    rows
      .filter((r) => r.side === name)
      .map((r) => r.customer_id)
      .sort(byId);
  const byName = side('name');
  const byHandle = side('handle');
  const ends = [
    byName.length >= nameLimit ? byName.at(-1) : undefined,
    byHandle.length >= handleLimit ? byHandle.at(-1) : undefined,
  ];
  const end = ends.filter((id): id is string => id !== undefined).sort(byId)[0];
  const candidates = [...new Set([...byName, ...byHandle])]
    .filter((id) => end === undefined || byId(id, end) <= 0)
    .sort(byId);
  return { candidates, end };
}

/** The search text as LIKE patterns: for names and e-mails, and for handles (stored without '@'). */
function searchPatterns(text: string): { pattern: string; handle_pattern: string } {
  return { pattern: containsPattern(text), handle_pattern: containsPattern(text.replace(/^@/, '')) };
}

/** The customers SQL (sql/queries/customers/*.sql) bound to its parameters, always for one workspace. */
export const customersQueries = {
  /** Customers after `after` who may match `text`: up to `limit` by name or e-mail, up to `handleRows` handles. */
  searchCandidates(workspaceId: string, text: string, after: string, limit: number, handleRows: number): BoundQuery {
    return {
      sql: namedQuery('customers/search_candidates'),
      params: { ...searchPatterns(text), workspace_id: workspaceId, after, limit, handle_rows: handleRows },
    };
  },

  /** Those of `candidates` who match `text` now, with their details. */
  search(workspaceId: string, text: string, candidates: readonly string[]): BoundQuery {
    return {
      sql: namedQuery('customers/search'),
      params: { ...searchPatterns(text), workspace_id: workspaceId, candidates },
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

  /**
   * Up to `limit` customers matching `text` with an id after `after` ('' for the first page), in id
   * order. Candidates come by key in batches (customers/search_candidates.sql): a batch holds every
   * candidate up to the first id where one of its two sides stopped, and is checked against the
   * current rows (customers/search.sql). A candidate can fail that check — a handle given to another
   * customer since, or a handle of a customer not loaded — so a batch can yield fewer than asked;
   * the next starts after it and is four times larger, so a run of such candidates takes a few
   * batches, not one per page.
   */
  async search(workspaceId: string, text: string, after: string, limit: number): Promise<CustomerRow[]> {
    const found: CustomerRow[] = [];
    let from = after;
    for (let batch = limit; found.length < limit; batch *= 4) {
      const handleRows = batch * HANDLES_PER_CUSTOMER;
      const rows = await this.rows<{ side: 'name' | 'handle'; customer_id: string }>(
        customersQueries.searchCandidates(workspaceId, text, from, batch, handleRows),
      );
      const { candidates, end } = searchWindow(rows, batch, handleRows);
      if (candidates.length > 0)
        found.push(...(await this.rows<CustomerRow>(customersQueries.search(workspaceId, text, candidates))));
      if (end === undefined) break;
      from = end;
    }
    return found.slice(0, limit);
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
