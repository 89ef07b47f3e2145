import { Injectable } from '@nestjs/common';
import { ResultCache } from '../cache/result-cache';
import { cacheKey } from '../cache/cache-key';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { count, finiteOrNull } from '../common/metrics';
import { decodeCursor, invalidCursor, pageSize, toPage, type Page, type PageArgs } from '../data/pagination';
import { textProblem } from '../data/text-input';
import { CustomersException, CustomersExceptionCode } from './customers.exception';
import { CustomersRepository, type CustomerRow, type TimelineRow } from './customers.repository';
import { TimelineEventKind, type Customer, type CustomerSummary, type TimelineEvent } from './dto/customer.model';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_ID_LENGTH = 200;

const KINDS: Record<TimelineRow['event_kind'], TimelineEventKind> = {
  message: TimelineEventKind.MESSAGE,
  reply: TimelineEventKind.REPLY,
  transaction: TimelineEventKind.TRANSACTION,
};

function summary(row: CustomerRow): CustomerSummary {
  return {
    id: row.customer_id,
    name: row.name,
    email: row.email,
    segment: row.segment,
    lifecycleStage: row.lifecycle_stage,
    country: row.country,
    firstSeenAt: fromClickHouseTime(row.first_seen_at),
  };
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}

function timeOrNull(text: string | null): Date | null {
  return text === null ? null : fromClickHouseTime(text);
}

function event(row: TimelineRow): TimelineEvent {
  const at = fromClickHouseTime(row.at);
  const firstReplyAt = row.event_kind === 'message' ? timeOrNull(row.first_reply_at) : null;
  return {
    kind: KINDS[row.event_kind],
    id: row.event_id,
    at,
    channel: orNull(row.channel),
    brand: orNull(row.brand),
    isPublic: row.is_public,
    author: orNull(row.author),
    text: row.event_kind === 'transaction' ? null : row.text,
    sentiment: finiteOrNull(row.sentiment),
    inReplyTo: row.event_kind === 'reply' ? orNull(row.in_reply_to) : null,
    firstReplyAt,
    // Calendar FRT (DESIGN.md); clock skew clamped at 0 as in the overview SQL.
    firstResponseSeconds: firstReplyAt ? Math.max(firstReplyAt.getTime() - at.getTime(), 0) / 1000 : null,
    firstBotReplyAt: row.event_kind === 'message' ? timeOrNull(row.first_bot_reply_at) : null,
    transactionKind: orNull(row.transaction_kind),
    amount: row.amount === null ? null : Number(row.amount),
    currency: orNull(row.currency),
  };
}

/** Customer search and the 360° view (DESIGN.md "Customers"). Needs the analyst role: names, e-mails, texts. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly repository: CustomersRepository,
    private readonly cache: ResultCache,
  ) {}

  async search(workspaceId: string, query: string, page: PageArgs): Promise<Page<CustomerSummary>> {
    const text = query.trim();
    const problem = text === '' ? 'is empty' : textProblem(text, MAX_SEARCH_LENGTH);
    if (problem) throw new CustomersException(`The search text ${problem}`, CustomersExceptionCode.INVALID_SEARCH);
    const after = page.after ? String(decodeCursor(page.after, ['string'])[0]) : '';
    const limit = pageSize(page);
    return this.cache.cached(workspaceId, cacheKey('customers/search', text, after, limit), async () => {
      const rows = await this.repository.search(workspaceId, text, after, limit + 1);
      return toPage(rows, limit, summary, (row) => [row.customer_id]);
    });
  }

  /** The customer with their handles and value, or null when the workspace has no such customer. */
  async customer(workspaceId: string, id: string): Promise<Customer | null> {
    this.checkId(id);
    return this.cache.cached(workspaceId, cacheKey('customers/customer', id), async () => {
      const [row, identities, value] = await Promise.all([
        this.repository.customer(workspaceId, id),
        this.repository.identities(workspaceId, id),
        this.repository.value(workspaceId, id),
      ]);
      if (!row) return null;
      return {
        ...summary(row),
        identities: identities.map((i) => ({ kind: i.kind, handle: i.handle, followers: i.followers })),
        value: {
          transactions: count(value.transactions),
          historicalValue: Number(value.historical_value ?? 0),
          predictedClv: finiteOrNull(value.predicted_clv),
          pAlive: finiteOrNull(value.p_alive),
          expectedPurchases: finiteOrNull(value.expected_purchases),
          modelRunId: value.run_id ? value.run_id : null,
          predictedAt: value.run_id ? timeOrNull(value.computed_at) : null,
        },
      };
    });
  }

  async timeline(workspaceId: string, customerId: string, page: PageArgs): Promise<Page<TimelineEvent>> {
    this.checkId(customerId);
    let before = null;
    if (page.after) {
      const [at, eventId] = decodeCursor(page.after, ['number', 'string']) as [number, string];
      before = { at: new Date(at), eventId };
      if (Number.isNaN(before.at.getTime())) throw invalidCursor();
    }
    const limit = pageSize(page);
    return this.cache.cached(workspaceId, cacheKey('customers/timeline', customerId, before, limit), async () => {
      const rows = await this.repository.timeline(workspaceId, customerId, before, limit + 1);
      return toPage(rows, limit, event, (row) => [fromClickHouseTime(row.at).getTime(), row.event_id]);
    });
  }

  private checkId(id: string): void {
    const problem = id === '' ? 'is empty' : textProblem(id, MAX_ID_LENGTH);
    if (problem) throw new CustomersException(`The customer id ${problem}`, CustomersExceptionCode.INVALID_CUSTOMER_ID);
  }
}
