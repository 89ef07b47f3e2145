import type { Database } from './client';
import { toClickHouseTime } from './model';
import { namedQuery } from './queries';

const DAY_MS = 86_400_000;

/** The built days of a rollup in order ('YYYY-MM-DD'), whether each is up to date, its current generation. */
export interface RollupDays {
  days: string[];
  fresh: boolean[];
  generations: string[];
}

/**
 * A workspace's settings that inbound figures depend on, and the days of its inbound rollup
 * (migration 0016) and of the other day rollups, as rollup/inbound_coverage.sql and
 * rollup/rollup_days_coverage.sql read them.
 */
export interface InboundCoverage extends RollupDays {
  tz: string;
  businessDays: number[];
  businessStart: number;
  businessEnd: number;
  slaHours: number;
  /** The calendar business-time FRT is computed with now; an inbound day built with another is stale. */
  calendar: string;
  transactions: RollupDays;
  /** The days of the term_daily rollup (migration 0020). */
  terms: RollupDays;
  /** The days of the missed_daily rollup (migration 0024); absent, none (the rows are read). */
  missed?: RollupDays;
  /** The days of the public_posts_daily rollup (migration 0025); absent, none (the rows are read). */
  posts?: RollupDays;
  /** The days of the customer_service_daily rollup (migration 0023); absent, none (the rows are read). */
  customerService?: RollupDays;
  /** The days of the customer_purchase_daily rollup (migration 0026); absent, none (the rows are read). */
  customerPurchases?: RollupDays;
  /**
   * The days of the inbound_hourly rollup (migration 0029), fresh when built by its version with
   * the current calendar; absent, none (the rows are read).
   */
  hourly?: RollupDays;
}

/** What transactions_daily's days are built by: another version of the rollup is stale. */
export const TRANSACTIONS_ROLLUP_VERSION = 'transactions_daily 1';

/** What term_daily's days are built by: another version of the rollup is stale. */
export const TERM_ROLLUP_VERSION = 'term_daily 1';

/** What missed_daily's days are built by: another version of the rollup is stale (2: a page's details, migration 0030). */
export const MISSED_ROLLUP_VERSION = 'missed_daily 2';

/** What public_posts_daily's days are built by: another version of the rollup is stale. */
export const POSTS_ROLLUP_VERSION = 'public_posts_daily 1';

/** What customer_service_daily's days are built by: another version of the rollup is stale. */
export const CUSTOMER_SERVICE_ROLLUP_VERSION = 'customer_service_daily 2';

/** What customer_purchase_daily's days are built by: another version of the rollup is stale. */
export const CUSTOMER_PURCHASE_ROLLUP_VERSION = 'customer_purchase_daily 1';

/**
 * What inbound_hourly's days are built by, with the calendar (business-time FRT, as inbound_daily):
 * another version or another calendar is stale.
 */
export function hourlyRollupBuiltWith(calendar: string): string {
  return `inbound_hourly 1|${calendar}`;
}

interface DaysRow {
  day_list: string[];
  fresh_list: (number | boolean)[];
  generation_list: string[];
}

interface CoverageRow extends DaysRow {
  tz: string;
  business_days: number[];
  business_start: number;
  business_end: number;
  sla_hours: number;
  calendar: string;
}

async function one<T>(db: Database, name: string, params: Record<string, unknown>): Promise<T> {
  const result = await db.client.query({ query: namedQuery(name), query_params: params, format: 'JSONEachRow' });
  const [row] = await result.json<T>();
  // An aggregate without GROUP BY always returns one row.
  return row!;
}

function rollupDays(row: DaysRow): RollupDays {
  return { days: row.day_list, fresh: row.fresh_list.map(Boolean), generations: row.generation_list };
}

/** A rollup's days as rollup/rollup_days_coverage.sql lists them. */
interface BuiltDaysRow {
  name: string;
  day_list: string[];
  built_list: string[];
  generation_list: string[];
}

export async function readInboundCoverage(db: Database, workspaceId: string): Promise<InboundCoverage> {
  const [row, builtRows] = await Promise.all([
    one<CoverageRow>(db, 'rollup/inbound_coverage', { workspace_id: workspaceId }),
    db.client
      .query({
        query: namedQuery('rollup/rollup_days_coverage'),
        query_params: { workspace_id: workspaceId },
        format: 'JSONEachRow',
      })
      .then((result) => result.json<BuiltDaysRow>()),
  ]);
  // Each day rollup but inbound_daily from one query: a query costs ~10 ms of CPU however small,
  // and a request after a load (or a cold one) reads every rollup's days.
  const built = (name: string, version: string): RollupDays => {
    const found = builtRows.find((r) => r.name === name);
    if (!found) return { days: [], fresh: [], generations: [] };
    return {
      days: found.day_list,
      fresh: found.built_list.map((b) => b === version),
      generations: found.generation_list,
    };
  };
  const transactions = built('transactions_daily', TRANSACTIONS_ROLLUP_VERSION);
  const terms = built('term_daily', TERM_ROLLUP_VERSION);
  const missed = built('missed_daily', MISSED_ROLLUP_VERSION);
  const posts = built('public_posts_daily', POSTS_ROLLUP_VERSION);
  const customerService = built('customer_service_daily', CUSTOMER_SERVICE_ROLLUP_VERSION);
  const customerPurchases = built('customer_purchase_daily', CUSTOMER_PURCHASE_ROLLUP_VERSION);
  const hourly = built('inbound_hourly', hourlyRollupBuiltWith(row.calendar));
  return {
    tz: row.tz,
    businessDays: row.business_days,
    businessStart: Number(row.business_start),
    businessEnd: Number(row.business_end),
    slaHours: Number(row.sla_hours),
    calendar: row.calendar,
    ...rollupDays(row),
    transactions,
    terms,
    missed,
    posts,
    customerService,
    customerPurchases,
    hourly,
  };
}

/** The parameters of rollup/calendar_fragment.sql. */
export function calendarParams(coverage: InboundCoverage, now: Date): Record<string, unknown> {
  return {
    tz: coverage.tz,
    business_days: coverage.businessDays,
    business_start: coverage.businessStart,
    business_end: coverage.businessEnd,
    sla_hours: coverage.slaHours,
    now: toClickHouseTime(now),
  };
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayStart(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

/**
 * Which days of [from, to) a rollup serves, as a query's parameters (`prefix`use_rollup,
 * `prefix`rollup_from, …): its whole UTC days up to `lastDay` (exclusive), when each of them inside
 * the rollup's span is up to date. Days outside the span hold no row (a rollup pass builds every
 * day from the first to the last). `serves` false, no build, a hole in the span or a stale day:
 * none, and the query reads the whole period from the rows, with the same figures.
 */
function window(built: RollupDays, from: Date, lastDay: number, serves: boolean, prefix: string): Record<string, unknown> {
  const first = dayStart(from) === from.getTime() ? from.getTime() : dayStart(from) + DAY_MS;
  const spanDays = built.days.length;
  const spanFirst = spanDays > 0 ? Date.parse(`${built.days[0]}T00:00:00Z`) : 0;
  const params = (use: boolean, to: number, generations: bigint[]) => ({
    [`${prefix}use_rollup`]: use,
    [`${prefix}rollup_from`]: day(first),
    [`${prefix}rollup_to`]: day(to),
    [`${prefix}rollup_first_day`]: day(use ? spanFirst : first),
    // BigInt: the client writes them as numbers (strings would be quoted), without losing digits.
    [`${prefix}rollup_generations`]: generations,
  });
  const off = params(false, first, []);
  if (!serves || spanDays === 0 || first >= lastDay) return off;
  // The span has no hole: its days are consecutive (then day k of the span is index k).
  const spanLast = Date.parse(`${built.days[spanDays - 1]}T00:00:00Z`);
  if ((spanLast - spanFirst) / DAY_MS + 1 !== spanDays) return off;
  for (let ms = Math.max(first, spanFirst); ms < Math.min(lastDay, spanLast + DAY_MS); ms += DAY_MS) {
    if (!built.fresh[(ms - spanFirst) / DAY_MS]) return off;
  }
  return params(true, lastDay, built.generations.map(BigInt));
}

/**
 * Which days of the period [from, to) a query over rollup/inbound_rows_fragment.sql reads from the
 * inbound rollup: its whole UTC days that end by the day of the SLA cutoff at `now` (so their
 * unanswered messages are all missed, as the rollup counts them), when each is built with the
 * current calendar. `serves` false (a key or a filter the rollup does not keep): none.
 */
export function rollupWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  return window(coverage, from, Math.min(dayStart(to), dayStart(new Date(cutoff))), serves, '');
}

/**
 * The same for rollup/inbound_hourly_rows_fragment.sql over the inbound_hourly rollup (the
 * hour-of-week heatmap): its whole UTC days that end by the day of the SLA cutoff at `now`, when
 * each is built with the current calendar. `serves` false (a filter the rollup does not keep): none.
 */
export function hourlyWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  const built = coverage.hourly ?? { days: [], fresh: [], generations: [] };
  return window(built, from, Math.min(dayStart(to), dayStart(new Date(cutoff))), serves, '');
}

/** The same for rollup/transaction_rows_fragment.sql: the period's whole days (tx_ parameters). */
export function transactionsWindow(coverage: InboundCoverage, from: Date, to: Date, serves: boolean): Record<string, unknown> {
  return window(coverage.transactions, from, dayStart(to), serves, 'tx_');
}

/**
 * The same for terms/top_terms.sql over the term_daily rollup: the period's whole days (terms do
 * not depend on the SLA). `serves` false (a filter the rollup does not keep): none.
 */
export function termsWindow(coverage: InboundCoverage, from: Date, to: Date, serves: boolean): Record<string, unknown> {
  return window(coverage.terms, from, dayStart(to), serves, '');
}

/**
 * The same for gap_queue/candidates.sql over the missed_daily rollup: its whole UTC days that end
 * by the day of the SLA cutoff at `now` (their unanswered messages are all missed), as
 * rollupWindow. `serves` false (a filter the rollup does not keep): none.
 */
export function missedWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  return window(coverage.missed ?? { days: [], fresh: [], generations: [] }, from, Math.min(dayStart(to), dayStart(new Date(cutoff))), serves, '');
}

/**
 * The same for value/experience_fragment.sql over the customer_service_daily rollup: its whole UTC
 * days that end by the day of the SLA cutoff at `now` (their unanswered messages are all missed),
 * as rollupWindow. `serves` false (a filter the rollup does not keep): none.
 */
export function customerServiceWindow(
  coverage: InboundCoverage,
  from: Date,
  to: Date,
  now: Date,
  serves: boolean,
): Record<string, unknown> {
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  const built = coverage.customerService ?? { days: [], fresh: [], generations: [] };
  return window(built, from, Math.min(dayStart(to), dayStart(new Date(cutoff))), serves, '');
}

/**
 * Which days before `to` value/cohorts_fragment.sql reads from the customer_purchase_daily rollup
 * (cp_ parameters): every whole day of the history before the day of `to`, when each is built.
 */
export function customerPurchasesWindow(coverage: InboundCoverage, to: Date): Record<string, unknown> {
  const built = coverage.customerPurchases ?? { days: [], fresh: [], generations: [] };
  return window(built, new Date(0), dayStart(to), true, 'cp_');
}

/**
 * The same for amplification/top_posts.sql over the public_posts_daily rollup: the period's whole
 * days (top posts do not depend on the SLA). `serves` false (a filter the rollup does not keep): none.
 */
export function postsWindow(coverage: InboundCoverage, from: Date, to: Date, serves: boolean): Record<string, unknown> {
  return window(coverage.posts ?? { days: [], fresh: [], generations: [] }, from, dayStart(to), serves, '');
}
