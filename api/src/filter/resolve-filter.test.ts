import { SentimentClass } from '../terms/dto/top-terms.model';
import { ServiceExperience } from '../value/dto/service-value.model';
import { FilterException, FilterExceptionCode } from './filter.exception';
import { resolveFilter } from './resolve-filter';

const from = new Date('2025-03-08T00:00:00Z');
const to = new Date('2025-03-15T00:00:00Z');

function code(fn: () => unknown): FilterExceptionCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof FilterException) return error.code;
    throw error;
  }
  return undefined;
}

describe('resolveFilter', () => {
  it('defaults the compare period to the period just before, of the same length', () => {
    expect(resolveFilter({ from, to }).comparePeriod).toEqual({
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-03-08T00:00:00Z'),
    });
  });

  it('takes compareFrom and keeps the length', () => {
    const compareFrom = new Date('2024-03-08T00:00:00Z');
    expect(resolveFilter({ from, to, compareFrom }).comparePeriod).toEqual({
      from: compareFrom,
      to: new Date('2024-03-15T00:00:00Z'),
    });
  });

  it('passes only the restrictions that are set to the where-builder', () => {
    const { analytics } = resolveFilter({
      from,
      to,
      brands: [],
      channels: ['chat'],
      segments: null,
      agents: ['ann'],
      publicOnly: false,
    });
    expect(analytics).toEqual({ from, to, channels: ['chat'], agents: ['ann'] });
  });

  it('passes the drill-down narrowings, sentiment classes by their SQL names', () => {
    const { analytics } = resolveFilter({
      from,
      to,
      hoursOfWeek: [0, 33],
      terms: ['refund'],
      sentiments: [SentimentClass.NEGATIVE, SentimentClass.NEUTRAL],
      experiences: [],
      cohorts: null,
    });
    expect(analytics).toEqual({
      from,
      to,
      hoursOfWeek: [0, 33],
      terms: ['refund'],
      sentiments: ['negative', 'neutral'],
    });
  });

  it('takes experiences and cohorts for a list of customers only', () => {
    const input = { from, to, experiences: [ServiceExperience.MISSED], cohorts: ['2025-01'] };
    expect(resolveFilter(input, 'customers').analytics).toEqual({
      from,
      to,
      experiences: ['missed'],
      cohorts: ['2025-01'],
    });
    expect(code(() => resolveFilter(input))).toBe(FilterExceptionCode.INVALID_FILTER);
    expect(code(() => resolveFilter({ from, to, cohorts: ['2025-1'] }, 'customers'))).toBe(
      FilterExceptionCode.INVALID_FILTER,
    );
  });

  it.each<[string, Parameters<typeof resolveFilter>[0], FilterExceptionCode]>([
    ['from = to', { from, to: from }, FilterExceptionCode.EMPTY_PERIOD],
    ['from after to', { from: to, to: from }, FilterExceptionCode.EMPTY_PERIOD],
    [
      'three years and a millisecond',
      { from, to: new Date('2028-03-08T00:00:00.001Z') },
      FilterExceptionCode.PERIOD_TOO_LONG,
    ],
    [
      'a compare period ending inside the period',
      { from, to, compareFrom: new Date('2025-03-02T00:00:00Z') },
      FilterExceptionCode.COMPARE_OVERLAPS,
    ],
    [
      'a compare period starting inside the period',
      { from, to, compareFrom: new Date('2025-03-14T00:00:00Z') },
      FilterExceptionCode.COMPARE_OVERLAPS,
    ],
    ['an unknown channel', { from, to, channels: ['telex'] }, FilterExceptionCode.INVALID_FILTER],
    [
      '101 brands',
      { from, to, brands: Array.from({ length: 101 }, (_, i) => `b${i}`) },
      FilterExceptionCode.INVALID_FILTER,
    ],
    ['hour of week 168', { from, to, hoursOfWeek: [168] }, FilterExceptionCode.INVALID_FILTER],
    ['a term with a space', { from, to, terms: ['late parcel'] }, FilterExceptionCode.INVALID_FILTER],
    [
      'an experience, on a message query',
      { from, to, experiences: [ServiceExperience.MISSED] },
      FilterExceptionCode.INVALID_FILTER,
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(code(() => resolveFilter(input))).toBe(expected);
  });

  it('accepts exactly three years and an adjacent later compare period', () => {
    expect(code(() => resolveFilter({ from, to: new Date('2028-03-08T00:00:00Z') }))).toBeUndefined();
    expect(code(() => resolveFilter({ from, to, compareFrom: to }))).toBeUndefined();
  });
});
