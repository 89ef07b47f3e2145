/**
 * The filter bar's state and its URL form. The URL is the source of truth: every page reads the
 * filters from the query string through `parseFilterState` and changes them by navigating to
 * `stringifyFilterState(next)`, so links can be shared and back/forward walk through filter changes.
 *
 *   ?period=7d                          last 7 days (7d, 30d, 90d; 30d is the default and omitted)
 *   ?from=2026-10-01&to=2026-10-31      custom period, days inclusive
 *   ?compare=year                       compare with the same period a year earlier (or none)
 *   ?brand=acme&channel=twitter&segment=vip   repeated for several values
 *
 * Parsing never fails: anything unknown or malformed falls back to the default for that part.
 */
import type { Filter } from './graphql/filter';

export const PERIOD_PRESETS = ['7d', '30d', '90d'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_DAYS: Record<PeriodPreset, number> = { '7d': 7, '30d': 30, '90d': 90 };

export const COMPARE_MODES = ['previous', 'year', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** A calendar day, 'YYYY-MM-DD'. */
export type Day = string;

export type PeriodChoice = { kind: 'preset'; preset: PeriodPreset } | { kind: 'custom'; from: Day; to: Day };

export interface FilterState {
  period: PeriodChoice;
  compare: CompareMode;
  brands: string[];
  channels: string[];
  segments: string[];
}

const DEFAULT_PRESET: PeriodPreset = '30d';

export const DEFAULT_FILTER_STATE: FilterState = {
  period: { kind: 'preset', preset: DEFAULT_PRESET },
  compare: 'previous',
  brands: [],
  channels: [],
  segments: [],
};

const LIST_PARAMS = { brands: 'brand', channels: 'channel', segments: 'segment' } as const;
type ListKey = keyof typeof LIST_PARAMS;
const LIST_KEYS = Object.keys(LIST_PARAMS) as ListKey[];

/** The longest period the api accepts (api/src/filter/resolve-filter.ts); longer ones fall back to the default. */
const MAX_PERIOD_YEARS = 3;
const MAX_LIST_VALUES = 50;
const MAX_VALUE_LENGTH = 200;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

export function isDay(value: string | null): value is Day {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Rejects 2026-02-30, which Date would roll over into March.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function parseFilterState(search: string | URLSearchParams): FilterState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: FilterState = {
    period: parsePeriod(params),
    compare: DEFAULT_FILTER_STATE.compare,
    brands: [],
    channels: [],
    segments: [],
  };
  const compare = params.get('compare');
  if (isOneOf(COMPARE_MODES, compare)) state.compare = compare;
  for (const key of LIST_KEYS) state[key] = normaliseList(params.getAll(LIST_PARAMS[key]));
  return state;
}

function parsePeriod(params: URLSearchParams): PeriodChoice {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to && addDays(to, 1) <= addYears(from, MAX_PERIOD_YEARS)) {
    return { kind: 'custom', from, to };
  }
  const preset = params.get('period');
  if (isOneOf(PERIOD_PRESETS, preset)) return { kind: 'preset', preset };
  return DEFAULT_FILTER_STATE.period;
}

function normaliseList(values: string[]): string[] {
  const cleaned = values.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= MAX_VALUE_LENGTH);
  return [...new Set(cleaned)].sort().slice(0, MAX_LIST_VALUES);
}

/** The query string for a state, without defaults, in a stable order ('' for the default state). */
export function stringifyFilterState(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.period.kind === 'custom') {
    params.set('from', state.period.from);
    params.set('to', state.period.to);
  } else if (state.period.preset !== DEFAULT_PRESET) {
    params.set('period', state.period.preset);
  }
  if (state.compare !== DEFAULT_FILTER_STATE.compare) params.set('compare', state.compare);
  for (const key of LIST_KEYS) {
    for (const value of normaliseList(state[key])) params.append(LIST_PARAMS[key], value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function isDefaultFilterState(state: FilterState): boolean {
  return stringifyFilterState(state) === '';
}

// ---- Days and periods -------------------------------------------------------------------------
// Days are UTC days: the api buckets its trends by UTC day (sql/queries/overview/trend.sql), and a
// period must cover whole buckets for the chart and the tiles to agree.

const DAY_MS = 86_400_000;

export function dayOf(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return dayOf(new Date(startOfDay(day).getTime() + days * DAY_MS));
}

export function addYears(day: Day, years: number): Day {
  const date = startOfDay(day);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return dayOf(date);
}

export function startOfDay(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A half-open interval of time [from, to), as the api takes it. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * The time range a period choice stands for. Presets are the last N days ending with the day of
 * `dataTo` (the workspace's latest data), so a demo or an import that stopped last month still
 * opens on data; without data they end today.
 */
export function resolvePeriod(period: PeriodChoice, dataTo: Date | null, now: Date): TimeRange {
  if (period.kind === 'custom') {
    return { from: startOfDay(period.from), to: startOfDay(addDays(period.to, 1)) };
  }
  const lastDay = dayOf(dataTo ?? now);
  return {
    from: startOfDay(addDays(lastDay, 1 - PRESET_DAYS[period.preset])),
    to: startOfDay(addDays(lastDay, 1)),
  };
}

/** Start of the compare period, which has the same length as the period; null for no comparison. */
export function resolveCompareFrom(range: TimeRange, compare: CompareMode): Date | null {
  switch (compare) {
    case 'previous':
      return new Date(range.from.getTime() - (range.to.getTime() - range.from.getTime()));
    case 'year': {
      const from = new Date(range.from);
      from.setUTCFullYear(from.getUTCFullYear() - 1);
      return from;
    }
    case 'none':
      return null;
  }
}

/**
 * Whether a comparison is possible for a period: the api refuses a compare period that overlaps
 * the period, which a year-ago comparison of a period longer than a year would.
 */
export function compareFits(range: TimeRange, compare: CompareMode): boolean {
  const compareFrom = resolveCompareFrom(range, compare);
  if (!compareFrom) return true;
  return compareFrom.getTime() + (range.to.getTime() - range.from.getTime()) <= range.from.getTime();
}

/** The GraphQL `Filter` for a state. */
export function toFilterInput(state: FilterState, dataTo: Date | null, now: Date): Filter {
  const range = resolvePeriod(state.period, dataTo, now);
  const input: Filter = { from: range.from.toISOString(), to: range.to.toISOString() };
  for (const key of LIST_KEYS) {
    if (state[key].length > 0) input[key] = state[key];
  }
  // Without a comparison the api still computes the previous period; the page just hides it.
  const compareFrom = resolveCompareFrom(range, state.compare);
  if (compareFrom && state.compare !== 'previous') input.compareFrom = compareFrom.toISOString();
  return input;
}
