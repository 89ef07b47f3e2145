import { FilterError, interactionFilter, type AnalyticsFilter } from '@resonance/sql';
import type { FilterInput } from './dto/filter.input';
import { FilterException, FilterExceptionCode } from './filter.exception';

/** Longest period a query may cover: bounds the cost of one request. */
export const MAX_PERIOD_YEARS = 3;

export interface TimeRange {
  from: Date;
  to: Date;
}

export interface ResolvedFilter {
  /** The period asked for, with everything else for the where-builder. */
  analytics: AnalyticsFilter;
  period: TimeRange;
  /** Same length as the period; by default the period just before it. */
  comparePeriod: TimeRange;
}

function present(values: string[] | null | undefined): string[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

/**
 * Checks a Filter input and turns it into what repositories take. The rules are the client's
 * to satisfy, so each failure is a FilterException (BAD_USER_INPUT) saying what to change.
 */
export function resolveFilter(input: FilterInput): ResolvedFilter {
  const { from, to } = input;
  if (from.getTime() >= to.getTime()) {
    throw new FilterException(
      `The period is empty: from (${from.toISOString()}) must be before to (${to.toISOString()})`,
      FilterExceptionCode.EMPTY_PERIOD,
    );
  }
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_PERIOD_YEARS);
  if (to.getTime() > limit.getTime()) {
    throw new FilterException(
      `The period is longer than ${MAX_PERIOD_YEARS} years`,
      FilterExceptionCode.PERIOD_TOO_LONG,
    );
  }
  const length = to.getTime() - from.getTime();
  const compareFrom = input.compareFrom ?? new Date(from.getTime() - length);
  const comparePeriod = { from: compareFrom, to: new Date(compareFrom.getTime() + length) };
  // Overlapping periods would count the same messages in both; queries classify each row once.
  if (comparePeriod.from.getTime() < to.getTime() && comparePeriod.to.getTime() > from.getTime()) {
    throw new FilterException(
      'The compare period overlaps the period: compareFrom must be at least one period length away from from',
      FilterExceptionCode.COMPARE_OVERLAPS,
    );
  }
  const analytics: AnalyticsFilter = { from, to };
  const brands = present(input.brands);
  const channels = present(input.channels);
  const segments = present(input.segments);
  const agents = present(input.agents);
  if (brands) analytics.brands = brands;
  if (channels) analytics.channels = channels;
  if (segments) analytics.segments = segments;
  if (agents) analytics.agents = agents;
  if (input.publicOnly) analytics.publicOnly = true;
  try {
    // The where-builder is the one authority on what a filter may contain; ask it now, so a bad
    // filter is the client's error before any query runs.
    interactionFilter(analytics);
  } catch (error) {
    if (error instanceof FilterError) throw new FilterException(error.message, FilterExceptionCode.INVALID_FILTER);
    throw error;
  }
  return { analytics, period: { from, to }, comparePeriod };
}
