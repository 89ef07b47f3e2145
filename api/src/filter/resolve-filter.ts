import {
  customerListFilter,
  FilterError,
  interactionFilter,
  withoutCustomerList,
  type AnalyticsFilter,
  type SentimentClassName,
} from '@resonance/sql';
import { SentimentClass } from '../terms/dto/top-terms.model';
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

function present<T>(values: T[] | null | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

const SENTIMENT_NAMES: Record<SentimentClass, SentimentClassName> = {
  [SentimentClass.POSITIVE]: 'positive',
  [SentimentClass.NEUTRAL]: 'neutral',
  [SentimentClass.NEGATIVE]: 'negative',
};

/**
 * What a query lists: messages (every figure and the `messages` rows), or customers (valueCustomers),
 * which alone take the customer-list narrowings `experiences` and `cohorts`.
 */
export type FilterScope = 'messages' | 'customers';

/** Runs a where-builder check, turning its FilterError into the client's error (BAD_USER_INPUT). */
export function checkFilter<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof FilterError) throw new FilterException(error.message, FilterExceptionCode.INVALID_FILTER);
    throw error;
  }
}

/**
 * Checks a Filter input and turns it into what repositories take. The rules are the client's
 * to satisfy, so each failure is a FilterException (BAD_USER_INPUT) saying what to change.
 */
export function resolveFilter(input: FilterInput, scope: FilterScope = 'messages'): ResolvedFilter {
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
  const hoursOfWeek = present(input.hoursOfWeek);
  const terms = present(input.terms);
  const sentiments = present(input.sentiments);
  const experiences = present(input.experiences);
  const cohorts = present(input.cohorts);
  if (brands) analytics.brands = brands;
  if (channels) analytics.channels = channels;
  if (segments) analytics.segments = segments;
  if (agents) analytics.agents = agents;
  if (input.publicOnly) analytics.publicOnly = true;
  if (hoursOfWeek) analytics.hoursOfWeek = hoursOfWeek;
  if (terms) analytics.terms = terms;
  // A value outside the enum (from a caller GraphQL did not check) maps to nothing the where-builder takes.
  if (sentiments) analytics.sentiments = sentiments.map((s) => SENTIMENT_NAMES[s]);
  if (experiences) analytics.experiences = experiences;
  if (cohorts) analytics.cohorts = cohorts;
  // The where-builder is the one authority on what a filter may contain; ask it now, so a bad
  // filter is the client's error before any query runs. A message query refuses the customer-list
  // narrowings (interactionFilter does); a customer list takes them.
  checkFilter(() => {
    if (scope === 'customers') {
      interactionFilter(withoutCustomerList(analytics));
      customerListFilter(analytics, { cohort: true });
    } else {
      interactionFilter(analytics);
    }
  });
  return { analytics, period: { from, to }, comparePeriod };
}
