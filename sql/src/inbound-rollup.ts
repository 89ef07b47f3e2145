import type { Database } from './client';
import { toClickHouseTime } from './model';
import { namedQuery } from './queries';

const DAY_MS = 86_400_000;

/** Consecutive built days of a rollup whose current build is one: `first` to `last` ('YYYY-MM-DD', inclusive). */
export interface DayRun {
  first: string;
  last: string;
  /** The build's generation (a UInt64, as a string). */
  generation: string;
  /** Built by the rollup's current version (and calendar): otherwise the days are stale. */
  fresh: boolean;
}

/** The built days of a rollup as runs in day order; a missing day is a hole between two runs. */
export interface RollupDays {
  runs: DayRun[];
}

/**
 * A workspace's settings that inbound figures depend on, and the days of its inbound rollup
 * (migration 0016) and of the other day rollups, as rollup/inbound_coverage.sql reads them.
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
  /** The days of the customer_contacts_daily rollup (migration 0032); absent, none (the rows are read). */
  customerContacts?: RollupDays;
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

/** What customer_contacts_daily's days are built by: another version of the rollup is stale. */
export const CUSTOMER_CONTACTS_ROLLUP_VERSION = 'customer_contacts_daily 1';

/**
 * What customer_purchase_daily's days are built by: another version of the rollup is stale (2: a
 * day's build also rebuilds its customers' customer_cohorts rows, migration 0031).
 */
export const CUSTOMER_PURCHASE_ROLLUP_VERSION = 'customer_purchase_daily 2';

/**
 * What inbound_hourly's days are built by, with the calendar (business-time FRT, as inbound_daily):
 * another version or another calendar is stale.
 */
export function hourlyRollupBuiltWith(calendar: string): string {
  return `inbound_hourly 1|${calendar}`;
}

interface CoverageRow {
  tz: string;
  business_days: number[];
  business_start: number;
  business_end: number;
  sla_hours: number;
  calendar: string;
  /** (rollup, first day, last day, generation, built_with), in no order. */
  runs: [string, string, string, string, string][];
}

/**
 * A workspace's settings and the runs of every rollup's built days, from one query
 * (rollup/inbound_coverage.sql): a query costs ~5 ms of CPU however small, and a request after a
 * load (or a cold one) reads every rollup's days.
 */
export async function readInboundCoverage(db: Database, workspaceId: string): Promise<InboundCoverage> {
  const result = await db.client.query({
    query: namedQuery('rollup/inbound_coverage'),
    query_params: { workspace_id: workspaceId },
    format: 'JSONEachRow',
  });
  // An aggregate without GROUP BY always returns one row.
  const [row] = await result.json<CoverageRow>();
  const { calendar } = row!;
  const sorted = [...row!.runs].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const built = (name: string, version: string): RollupDays => ({
    runs: sorted
      .filter((run) => run[0] === name)
      .map(([, first, last, generation, builtWith]) => ({ first, last, generation, fresh: builtWith === version })),
  });
  return {
    tz: row!.tz,
    businessDays: row!.business_days,
    businessStart: Number(row!.business_start),
    businessEnd: Number(row!.business_end),
    slaHours: Number(row!.sla_hours),
    calendar,
    ...built('inbound_daily', calendar),
    transactions: built('transactions_daily', TRANSACTIONS_ROLLUP_VERSION),
    terms: built('term_daily', TERM_ROLLUP_VERSION),
    missed: built('missed_daily', MISSED_ROLLUP_VERSION),
    posts: built('public_posts_daily', POSTS_ROLLUP_VERSION),
    customerService: built('customer_service_daily', CUSTOMER_SERVICE_ROLLUP_VERSION),
    customerPurchases: built('customer_purchase_daily', CUSTOMER_PURCHASE_ROLLUP_VERSION),
    customerContacts: built('customer_contacts_daily', CUSTOMER_CONTACTS_ROLLUP_VERSION),
    hourly: built('inbound_hourly', hourlyRollupBuiltWith(calendar)),
  };
}

/** A rollup's built days one by one, in order: what the rollup pass rebuilds, what a test looks up. */
export function builtDayList(built: RollupDays): { day: string; fresh: boolean; generation: string }[] {
  const days: { day: string; fresh: boolean; generation: string }[] = [];
  for (const run of built.runs) {
    for (let ms = Date.parse(`${run.first}T00:00:00Z`); ms <= Date.parse(`${run.last}T00:00:00Z`); ms += DAY_MS) {
      days.push({ day: day(ms), fresh: run.fresh, generation: run.generation });
    }
  }
  return days;
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

const NO_RUNS: RollupDays = { runs: [] };

/** A run's days as [from, to) in UTC milliseconds. */
function span(run: DayRun): [number, number] {
  return [Date.parse(`${run.first}T00:00:00Z`), Date.parse(`${run.last}T00:00:00Z`) + DAY_MS];
}

/**
 * Which days of [from, to) a rollup serves, as a query's parameters (`prefix`use_rollup,
 * `prefix`rollup_from, …): its whole UTC days up to `lastDay` (exclusive), when each of them inside
 * the rollup's span is up to date. Days outside the span hold no row (a rollup pass builds every
 * day from the first to the last). `serves` false, no build, a hole in the span or a stale day:
 * none, and the query reads the whole period from the rows, with the same figures.
 *
 * Each served day's current build, for rollup/current_build_fragment.sql: the generation of most
 * of the served days (`prefix`rollup_generation) and, per day, those of the days from the first
 * to the last that have another (`prefix`rollup_exceptions_from, `prefix`rollup_exception_generations):
 * none after one full build, the days rebuilt since then after later loads.
 */
function window(built: RollupDays, from: Date, lastDay: number, serves: boolean, prefix: string): Record<string, unknown> {
  const first = dayStart(from) === from.getTime() ? from.getTime() : dayStart(from) + DAY_MS;
  // BigInt: the client writes them as numbers (strings would be quoted), without losing digits.
  const params = (use: boolean, to: number, generation: bigint, exceptionsFrom: number, exceptions: bigint[]) => ({
    [`${prefix}use_rollup`]: use,
    [`${prefix}rollup_from`]: day(first),
    [`${prefix}rollup_to`]: day(to),
    [`${prefix}rollup_generation`]: generation,
    [`${prefix}rollup_exceptions_from`]: day(exceptionsFrom),
    [`${prefix}rollup_exception_generations`]: exceptions,
  });
  const off = params(false, first, 0n, first, []);
  const { runs } = built;
  if (!serves || runs.length === 0 || first >= lastDay) return off;
  // The span has no hole: each run starts the day after the one before ends.
  for (let i = 1; i < runs.length; i++) if (span(runs[i]!)[0] !== span(runs[i - 1]!)[1]) return off;
  // The served days in the span, [lo, hi): each of them up to date, and its generation.
  const lo = Math.max(first, span(runs[0]!)[0]);
  const hi = Math.min(lastDay, span(runs[runs.length - 1]!)[1]);
  const served: { from: number; to: number; generation: bigint }[] = [];
  for (const run of runs) {
    const [runFrom, runTo] = span(run);
    if (runTo <= lo || runFrom >= hi) continue;
    if (!run.fresh) return off;
    served.push({ from: Math.max(runFrom, lo), to: Math.min(runTo, hi), generation: BigInt(run.generation) });
  }
  // The generation of the most days (none served: 0, which no build has), and the others' days.
  const daysOf = new Map<bigint, number>();
  for (const s of served) daysOf.set(s.generation, (daysOf.get(s.generation) ?? 0) + (s.to - s.from) / DAY_MS);
  let generation = 0n;
  for (const [g, days] of daysOf) if (days > (daysOf.get(generation) ?? 0)) generation = g;
  const others = served.filter((s) => s.generation !== generation);
  const exceptionsFrom = others.length > 0 ? others[0]!.from : first;
  const exceptionsTo = others.length > 0 ? others[others.length - 1]!.to : first;
  const exceptions: bigint[] = [];
  for (const s of served) {
    for (let ms = Math.max(s.from, exceptionsFrom); ms < Math.min(s.to, exceptionsTo); ms += DAY_MS) exceptions.push(s.generation);
  }
  return params(true, lastDay, generation, exceptionsFrom, exceptions);
}

/**
 * The window of a rollup that holds unanswered messages as missed: its whole UTC days that end by
 * the day of `to` and by the day of the SLA cutoff at `now` (so every unanswered message of a
 * served day is missed, as the rollup holds it).
 */
function beforeSlaCutoff(
  coverage: InboundCoverage,
  built: RollupDays,
  from: Date,
  to: Date,
  now: Date,
  serves: boolean,
): Record<string, unknown> {
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  return window(built, from, Math.min(dayStart(to), dayStart(new Date(cutoff))), serves, '');
}

/**
 * Which days of the period [from, to) a query over rollup/inbound_rows_fragment.sql reads from the
 * inbound rollup: its whole UTC days that end by the day of the SLA cutoff at `now` (so their
 * unanswered messages are all missed, as the rollup counts them), when each is built with the
 * current calendar. `serves` false (a key or a filter the rollup does not keep): none.
 */
export function rollupWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  return beforeSlaCutoff(coverage, coverage, from, to, now, serves);
}

/**
 * The same for rollup/inbound_hourly_rows_fragment.sql over the inbound_hourly rollup (the
 * hour-of-week heatmap): its whole UTC days that end by the day of the SLA cutoff at `now`, when
 * each is built with the current calendar. `serves` false (a filter the rollup does not keep): none.
 */
export function hourlyWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  return beforeSlaCutoff(coverage, coverage.hourly ?? NO_RUNS, from, to, now, serves);
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
  return beforeSlaCutoff(coverage, coverage.missed ?? NO_RUNS, from, to, now, serves);
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
  return beforeSlaCutoff(coverage, coverage.customerService ?? NO_RUNS, from, to, now, serves);
}

/**
 * The same for value/service_effects.sql's contacts over the customer_contacts_daily rollup: every
 * whole UTC day of the history (a purchase's experience may come from any earlier message) that
 * ends by the day of `to` and by the day of the SLA cutoff at `now` (their unanswered messages are
 * all missed). `serves` false (a filter the rollup does not keep): none.
 */
export function customerContactsWindow(coverage: InboundCoverage, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  return beforeSlaCutoff(coverage, coverage.customerContacts ?? NO_RUNS, new Date(0), to, now, serves);
}

/**
 * Which days before `to` value/cohorts_fragment.sql reads from customer_cohorts (migration 0031),
 * which serves the days of the customer_purchase_daily rollup (cp_use_rollup, cp_rollup_to): every
 * whole day of the history before the day of `to`, when each is built.
 */
export function customerPurchasesWindow(coverage: InboundCoverage, to: Date): Record<string, unknown> {
  const built = coverage.customerPurchases ?? NO_RUNS;
  return window(built, new Date(0), dayStart(to), true, 'cp_');
}

/**
 * The same for amplification/top_posts.sql over the public_posts_daily rollup: the period's whole
 * days (top posts do not depend on the SLA). `serves` false (a filter the rollup does not keep): none.
 */
export function postsWindow(coverage: InboundCoverage, from: Date, to: Date, serves: boolean): Record<string, unknown> {
  return window(coverage.posts ?? NO_RUNS, from, dayStart(to), serves, '');
}
