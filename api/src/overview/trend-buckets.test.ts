import { bucketStart, bucketStarts, chooseBucket } from './trend-buckets';

const d = (iso: string) => new Date(iso);

describe('trend buckets', () => {
  it('chooses a bucket size by the period length', () => {
    expect(chooseBucket(d('2025-03-01T00:00:00Z'), d('2025-03-04T00:00:00Z'))).toBe('hour');
    expect(chooseBucket(d('2025-03-01T00:00:00Z'), d('2025-03-04T00:00:00.001Z'))).toBe('day');
    expect(chooseBucket(d('2025-01-01T00:00:00Z'), d('2025-04-04T00:00:00Z'))).toBe('day');
    expect(chooseBucket(d('2025-01-01T00:00:00Z'), d('2025-04-05T00:00:00Z'))).toBe('week');
    expect(chooseBucket(d('2023-01-01T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toBe('week');
    expect(chooseBucket(d('2022-01-01T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toBe('month');
  });

  it('starts buckets as ClickHouse does in UTC (weeks on Monday)', () => {
    expect(bucketStart(d('2025-03-12T15:45:12.345Z'), 'hour')).toEqual(d('2025-03-12T15:00:00Z'));
    expect(bucketStart(d('2025-03-12T15:45:12.345Z'), 'day')).toEqual(d('2025-03-12T00:00:00Z'));
    // 2025-03-12 is a Wednesday; 2025-03-16 a Sunday, still in the week of Monday 10th.
    expect(bucketStart(d('2025-03-12T15:45:12.345Z'), 'week')).toEqual(d('2025-03-10T00:00:00Z'));
    expect(bucketStart(d('2025-03-16T23:59:59Z'), 'week')).toEqual(d('2025-03-10T00:00:00Z'));
    expect(bucketStart(d('2025-03-17T00:00:00Z'), 'week')).toEqual(d('2025-03-17T00:00:00Z'));
    expect(bucketStart(d('2025-03-31T23:00:00Z'), 'month')).toEqual(d('2025-03-01T00:00:00Z'));
  });

  it('lists every bucket overlapping the period, the first one possibly starting before it', () => {
    expect(bucketStarts(d('2025-03-08T00:00:00Z'), d('2025-03-11T00:00:00Z'), 'day')).toEqual([
      d('2025-03-08T00:00:00Z'),
      d('2025-03-09T00:00:00Z'),
      d('2025-03-10T00:00:00Z'),
    ]);
    expect(bucketStarts(d('2025-01-15T00:00:00Z'), d('2025-03-01T00:00:00Z'), 'month')).toEqual([
      d('2025-01-01T00:00:00Z'),
      d('2025-02-01T00:00:00Z'),
    ]);
    expect(bucketStarts(d('2025-03-12T00:00:00Z'), d('2025-03-20T00:00:00Z'), 'week')).toHaveLength(2);
  });
});
