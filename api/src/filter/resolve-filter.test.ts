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
  ])('refuses %s', (_name, input, expected) => {
    expect(code(() => resolveFilter(input))).toBe(expected);
  });

  it('accepts exactly three years and an adjacent later compare period', () => {
    expect(code(() => resolveFilter({ from, to: new Date('2028-03-08T00:00:00Z') }))).toBeUndefined();
    expect(code(() => resolveFilter({ from, to, compareFrom: to }))).toBeUndefined();
  });
});
