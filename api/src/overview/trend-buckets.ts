/** Bucket sizes of the trend; the SQL (overview/trend.sql) buckets by the same names, in UTC. */
export type BucketUnit = 'hour' | 'day' | 'week' | 'month';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A size that gives the chart tens of points, not thousands: ≤ 3 days hourly, ≤ 93 days daily, ≤ 2 years weekly. */
export function chooseBucket(from: Date, to: Date): BucketUnit {
  const length = to.getTime() - from.getTime();
  if (length <= 3 * DAY) return 'hour';
  if (length <= 93 * DAY) return 'day';
  if (length <= 731 * DAY) return 'week';
  return 'month';
}

/** Start of the bucket holding `date`, as ClickHouse's toStartOfHour/Day, toMonday, toStartOfMonth in UTC. */
export function bucketStart(date: Date, unit: BucketUnit): Date {
  const d = new Date(date);
  switch (unit) {
    case 'hour':
      d.setUTCMinutes(0, 0, 0);
      return d;
    case 'day':
      d.setUTCHours(0, 0, 0, 0);
      return d;
    case 'week': {
      d.setUTCHours(0, 0, 0, 0);
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return new Date(d.getTime() - sinceMonday * DAY);
    }
    case 'month':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  }
}

function nextBucket(start: Date, unit: BucketUnit): Date {
  switch (unit) {
    case 'hour':
      return new Date(start.getTime() + HOUR);
    case 'day':
      return new Date(start.getTime() + DAY);
    case 'week':
      return new Date(start.getTime() + 7 * DAY);
    case 'month':
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
}

/** Every bucket start that overlaps [from, to), in order: the chart's x axis, gaps included. */
export function bucketStarts(from: Date, to: Date, unit: BucketUnit): Date[] {
  const starts: Date[] = [];
  for (let b = bucketStart(from, unit); b.getTime() < to.getTime(); b = nextBucket(b, unit)) starts.push(b);
  return starts;
}
