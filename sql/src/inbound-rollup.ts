import type { Database } from './client';
import { toClickHouseTime } from './model';
import { namedQuery } from './queries';

const DAY_MS = 86_400_000;

/**
 * A workspace's settings that inbound figures depend on, and the days of its inbound rollup
 * (migration 0016), as rollup/inbound_coverage.sql reads them.
 */
export interface InboundCoverage {
  tz: string;
  businessDays: number[];
  businessStart: number;
  businessEnd: number;
  slaHours: number;
  /** The calendar business-time FRT is computed with now; a day built with another is stale. */
  calendar: string;
  /** Built days, in order ('YYYY-MM-DD'), whether each is built with `calendar`, its current generation. */
  days: string[];
  fresh: boolean[];
  generations: string[];
}

interface CoverageRow {
  tz: string;
  business_days: number[];
  business_start: number;
  business_end: number;
  sla_hours: number;
  calendar: string;
  day_list: string[];
  fresh_list: (number | boolean)[];
  generation_list: string[];
}

export async function readInboundCoverage(db: Database, workspaceId: string): Promise<InboundCoverage> {
  const result = await db.client.query({
    query: namedQuery('rollup/inbound_coverage'),
    query_params: { workspace_id: workspaceId },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<CoverageRow>();
  // An aggregate without GROUP BY always returns one row.
  return {
    tz: row!.tz,
    businessDays: row!.business_days,
    businessStart: Number(row!.business_start),
    businessEnd: Number(row!.business_end),
    slaHours: Number(row!.sla_hours),
    calendar: row!.calendar,
    days: row!.day_list,
    fresh: row!.fresh_list.map(Boolean),
    generations: row!.generation_list,
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
 * Which days of the period [from, to) a query over rollup/inbound_rows_fragment.sql reads from the
 * rollup, as that fragment's parameters: its whole UTC days that end by the day of the SLA cutoff
 * at `now` (so their unanswered messages are all missed, as the rollup counts them), when each of
 * them inside the rollup's span is built with the current calendar. Days outside the span hold
 * no inbound message (the rollup pass builds every day from the first inbound day to the last).
 * `serves` false (a key or a filter the rollup does not keep), no build, a hole in the span or a
 * stale day: the whole period is read from the rows, with the same figures.
 */
export function rollupWindow(coverage: InboundCoverage, from: Date, to: Date, now: Date, serves: boolean): Record<string, unknown> {
  const first = dayStart(from) === from.getTime() ? from.getTime() : dayStart(from) + DAY_MS;
  const cutoff = now.getTime() - coverage.slaHours * 3_600_000;
  const last = Math.min(dayStart(to), dayStart(new Date(cutoff)));
  const spanFirst = coverage.days.length > 0 ? Date.parse(`${coverage.days[0]}T00:00:00Z`) : 0;
  const spanDays = coverage.days.length;
  const off = { use_rollup: false, rollup_from: day(first), rollup_to: day(first), rollup_first_day: day(first), rollup_generations: [] };
  if (!serves || spanDays === 0 || first >= last) return off;
  // The span has no hole: its days are consecutive (then day k of the span is index k).
  const spanLast = Date.parse(`${coverage.days[spanDays - 1]}T00:00:00Z`);
  if ((spanLast - spanFirst) / DAY_MS + 1 !== spanDays) return off;
  for (let ms = Math.max(first, spanFirst); ms < Math.min(last, spanLast + DAY_MS); ms += DAY_MS) {
    if (!coverage.fresh[(ms - spanFirst) / DAY_MS]) return off;
  }
  return {
    use_rollup: true,
    rollup_from: day(first),
    rollup_to: day(last),
    rollup_first_day: day(spanFirst),
    // BigInt: the client writes them as numbers (strings would be quoted), without losing digits.
    rollup_generations: coverage.generations.map(BigInt),
  };
}
