import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { Clock } from '../common/clock';
import { decodeCursor, invalidCursor, pageSize, toPage, type Page, type PageArgs } from '../data/pagination';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import type { ValuePopulation, ValueCustomer } from '../value/dto/value-customer.model';
import { ValueService } from '../value/value.service';
import { csvLine, defuseFormula } from './csv';
import type { MessageRecord } from './dto/message-row.model';
import { ExportRepository, MESSAGE_COLUMNS, type MessagePosition, type MessageRow } from './export.repository';

/** Rows per ClickHouse round trip while streaming a CSV: memory stays bounded by one page. */
export const EXPORT_PAGE_ROWS = 10_000;
/** Customers per round trip of the customer CSV: each recomputes the experiences, so pages are large. */
export const CUSTOMER_EXPORT_PAGE_ROWS = 50_000;
/** The customer CSV's columns: valueCustomers' fields. */
export const CUSTOMER_COLUMNS = [
  'customer_id',
  'segment',
  'experience',
  'cohort',
  'predicted_clv',
  'p_alive',
  'historical_value',
] as const;
/** The CSV is read a week of the period at a time (see csv()). */
export const EXPORT_WINDOW_MS = 7 * 24 * 3_600_000;

const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));
const timeOrNull = (text: string | null) => (text === null ? null : fromClickHouseTime(text));

function record(row: MessageRow): MessageRecord {
  return {
    id: row.message_id,
    createdAt: fromClickHouseTime(row.created_at),
    brand: row.brand,
    channel: row.channel,
    isPublic: row.is_public,
    customerId: row.customer_id || null,
    segment: row.segment || null,
    author: row.author,
    text: row.text,
    lang: row.lang,
    sentiment: row.sentiment,
    sentimentClass: row.sentiment_class || null,
    status: row.status,
    firstReplyAt: timeOrNull(row.first_reply_at),
    replySeconds: row.reply_seconds,
    replyAgent: row.reply_agent || null,
    botReplyAt: timeOrNull(row.bot_reply_at),
    shares: row.shares,
    quotes: row.quotes,
    impressions: numberOrNull(row.impressions),
    reach: numberOrNull(row.reach),
  };
}

/** A CSV cell per column: instants in ISO-8601 UTC, free text defused against spreadsheet formulas. */
function csvValues(row: MessageRow): unknown[] {
  return MESSAGE_COLUMNS.map((column) => {
    const value = row[column];
    if (column === 'created_at' || column === 'first_reply_at' || column === 'bot_reply_at') {
      return value === null ? null : fromClickHouseTime(value as string).toISOString();
    }
    if (column === 'text' || column === 'author') return defuseFormula(value as string);
    return value;
  });
}

const positionOf = (row: MessageRow): MessagePosition => ({
  at: fromClickHouseTime(row.created_at),
  id: row.message_id,
});

/** The raw rows behind the figures: as a GraphQL page, or streamed as CSV. Analyst role: texts. */
@Injectable()
export class ExportService {
  constructor(
    private readonly repository: ExportRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
    private readonly values: ValueService,
  ) {}

  async messages(workspaceId: string, input: FilterInput, page: PageArgs): Promise<Page<MessageRecord>> {
    // The rows behind the figures: the same default brands (the workspace's own) as the figures.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    let after: MessagePosition | null = null;
    if (page.after) {
      const [at, id] = decodeCursor(page.after, ['number', 'string']) as [number, string];
      after = { at: new Date(at), id };
      if (Number.isNaN(after.at.getTime())) throw invalidCursor();
    }
    const limit = pageSize(page);
    // The status (pending or missed) moves with the clock: the minute is part of the key.
    const now = this.clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    return this.cache.cached(workspaceId, cacheKey('export/messages', analytics, after, limit, minute), async () => {
      const rows = await this.repository.messages(workspaceId, analytics, after, limit + 1, now);
      return toPage(rows, limit, record, (row) => {
        const p = positionOf(row);
        return [p.at.getTime(), p.id];
      });
    });
  }

  /** How many rows `messages` lists for a filter (the drill-down panel's count), cached per data version. */
  async messageCount(workspaceId: string, input: FilterInput): Promise<number> {
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    return this.cache.cached(workspaceId, cacheKey('export/count', analytics), () =>
      this.repository.count(workspaceId, analytics),
    );
  }

  /**
   * The CSV of every message the filter selects, header first, page by page (EXPORT_PAGE_ROWS):
   * a consumer that awaits each chunk holds one page at a time, whatever the export's size. The
   * filter is checked before the generator is returned, so a bad one fails before anything is sent.
   */
  async csv(workspaceId: string, input: FilterInput, pageRows = EXPORT_PAGE_ROWS): Promise<AsyncGenerator<string>> {
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    const now = this.clock.now();
    const repository = this.repository;
    return (async function* () {
      yield csvLine(MESSAGE_COLUMNS);
      // Windows of the period, each paged with the cursor: a page query reads its window's rows
      // (the table is sorted by time), not everything after the cursor up to the period's end.
      for (let start = analytics.from.getTime(); start < analytics.to.getTime(); start += EXPORT_WINDOW_MS) {
        const window = {
          ...analytics,
          from: new Date(start),
          to: new Date(Math.min(start + EXPORT_WINDOW_MS, analytics.to.getTime())),
        };
        let after: MessagePosition | null = null;
        for (;;) {
          const rows = await repository.messages(workspaceId, window, after, pageRows, now);
          if (rows.length > 0) yield rows.map((row) => csvLine(csvValues(row))).join('');
          if (rows.length < pageRows) break;
          after = positionOf(rows[rows.length - 1]!);
        }
      }
    })();
  }

  /**
   * The CSV of the customers behind a value figure (valueCustomers' list), header first, a page of
   * CUSTOMER_EXPORT_PAGE_ROWS at a time. The filter is checked before the generator is returned.
   */
  async customersCsv(
    workspaceId: string,
    input: FilterInput,
    population: ValuePopulation,
    pageRows = CUSTOMER_EXPORT_PAGE_ROWS,
  ): Promise<AsyncGenerator<string>> {
    const pages = await this.values.customerPages(workspaceId, input, population, pageRows);
    const cell = (c: ValueCustomer): unknown[] => [
      c.customerId,
      c.segment,
      c.experience,
      c.cohort,
      c.predictedClv,
      c.pAlive,
      c.historicalValue,
    ];
    return (async function* () {
      yield csvLine(CUSTOMER_COLUMNS);
      try {
        for await (const page of pages) yield page.map((c) => csvLine(cell(c))).join('');
      } finally {
        await pages.return(undefined);
      }
    })();
  }
}
