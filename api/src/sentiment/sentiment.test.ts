import { SystemClock } from '../common/clock';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { openTestDatabase, type Database } from '@resonance/sql';
import { FilterException } from '../filter/filter.exception';
import {
  loadWorkspace,
  coverageReader,
  SNAPSHOT_COVERAGE,
  filterService,
} from '../response/__tests__/analytics-fixture';
import { GroupBy } from '../response/dto/group-by.enum';
import { TrendInterval, type SentimentFigures } from './dto/sentiment.model';
import { sentimentParts } from './sentiment-parts';
import { defaultTrendInterval, SentimentService } from './sentiment.service';
import { SentimentRepository } from './sentiment.repository';

// Scores are multiples of 1/32, exact in Float32, so sums and means below are exact.
const PERIOD = { from: new Date('2025-03-03T00:00:00Z'), to: new Date('2025-03-10T00:00:00Z') };

let db: Database;
let service: SentimentService;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'st',
    customers: [
      { id: 'u1', segment: 'a' },
      { id: 'u2', segment: 'b' },
    ],
    messages: [
      { id: 't1', at: '2025-03-03T10:00:00Z', sentiment: 0.5, channel: 'twitter', customer: 'u1' },
      { id: 't2', at: '2025-03-03T12:00:00Z', sentiment: -0.5, channel: 'email', customer: 'u2' },
      { id: 't3', at: '2025-03-04T09:00:00Z', sentiment: 0.03125, channel: 'chat', customer: 'u1' },
      { id: 't4', at: '2025-03-05T09:00:00Z', sentiment: -0.75, channel: 'twitter', customer: 'u2' },
      { id: 't5', at: '2025-03-05T10:00:00Z', sentiment: null, channel: 'twitter', customer: 'u3' },
      { id: 't6', at: '2025-03-07T09:00:00Z', sentiment: 0.25, channel: 'email', customer: 'u1' },
      // Follow-ups in the same threads.
      { id: 'x2', at: '2025-03-03T13:00:00Z', sentiment: -1, channel: 'email', customer: 'u9', thread: 't2' },
      { id: 'f2', at: '2025-03-03T14:00:00Z', sentiment: 0.25, channel: 'email', customer: 'u2', thread: 't2' },
      { id: 'f4', at: '2025-03-05T11:00:00Z', sentiment: -0.25, channel: 'twitter', customer: 'u2', thread: 't4' },
      { id: 'f4b', at: '2025-03-05T12:00:00Z', sentiment: -1, channel: 'twitter', customer: 'u2', thread: 't4' },
      { id: 'f6', at: '2025-03-07T10:00:00Z', sentiment: 0.75, channel: 'email', customer: 'u1', thread: 't6' },
      // After the period: still the next message of t1's thread.
      { id: 'f1', at: '2025-03-12T10:00:00Z', sentiment: 0.25, channel: 'twitter', customer: 'u1', thread: 't1' },
    ],
    replies: [
      { id: 'r1', parent: 't1', at: '2025-03-03T11:00:00Z' },
      { id: 'r2', parent: 't2', at: '2025-03-03T12:30:00Z', channel: 'email' },
      { id: 'r4', parent: 't4', at: '2025-03-05T09:30:00Z' },
    ],
  });
  // Follow-ups are looked for up to 30 days after the period's end (2025-04-09T00:00Z, exclusive).
  await loadWorkspace(db, {
    id: 'late',
    messages: [
      { id: 'a', at: '2025-03-03T10:00:00Z', sentiment: -0.5, customer: 'u1' },
      { id: 'a2', at: '2025-04-08T23:59:59Z', sentiment: 0.5, customer: 'u1', thread: 'a' },
      { id: 'b', at: '2025-03-03T11:00:00Z', sentiment: -0.5, customer: 'u2' },
      { id: 'b2', at: '2025-04-09T00:00:00Z', sentiment: 0.5, customer: 'u2', thread: 'b' },
    ],
    replies: [
      { id: 'ra', parent: 'a', at: '2025-03-03T10:30:00Z' },
      { id: 'rb', parent: 'b', at: '2025-03-03T11:30:00Z' },
    ],
  });
  service = new SentimentService(
    new SentimentRepository(db, coverageReader(db)),
    filterService(db),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

function row(rows: SentimentFigures[], key: string): SentimentFigures {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('sentiment', () => {
  it('computes the distribution, average and net sentiment as worked out by hand', async () => {
    const { total, rows } = await service.sentiment('st', PERIOD);
    expect(rows).toEqual([]);
    // 11 messages in the period (f1 is after it): positive t1 t6 f2 f6, neutral t3,
    // negative t2 t4 f4 f4b x2, unscored t5.
    expect(total).toMatchObject({ key: '', inbound: 11, positive: 4, neutral: 1, negative: 5, unscored: 1 });
    expect(total.positiveShare).toBeCloseTo(0.4, 12);
    expect(total.neutralShare).toBeCloseTo(0.1, 12);
    expect(total.negativeShare).toBeCloseTo(0.5, 12);
    // (0.5 − 0.5 + 0.03125 − 0.75 + 0.25 + 0.25 − 0.25 − 1 − 1 + 0.75) / 10
    expect(total.average).toBeCloseTo(-0.171875, 12);
    expect(total.netSentiment).toBeCloseTo(((4 - 5) / 9) * 100, 12);
  });

  it('measures lift after a reply: the same customer’s next message in the thread', async () => {
    const { lift } = await service.sentiment('st', PERIOD);
    // t1 0.5 → f1 0.25: −0.25; t2 −0.5 → f2 0.25 (x2 is another customer): +0.75; t4 −0.75 → f4 −0.25
    // (not f4b): +0.5. t6 was not replied to.
    expect(lift).toEqual({
      pairs: 3,
      averageLift: expect.closeTo(1 / 3, 12),
      improved: 2,
      worsened: 1,
      improvedShare: 2 / 3,
      worsenedShare: 1 / 3,
    });
    // The filter selects the replied message: email leaves t2 only.
    const email = (await service.sentiment('st', { ...PERIOD, channels: ['email'] })).lift;
    expect(email).toMatchObject({ pairs: 1, averageLift: 0.75, improved: 1, worsened: 0 });
  });

  it('looks for the next message up to 30 days after the period', async () => {
    // a → a2 one second before the bound: +1; b2 is at the bound.
    expect((await service.sentiment('late', PERIOD)).lift).toMatchObject({ pairs: 1, averageLift: 1, improved: 1 });
  });

  it('fills a daily trend, empty days included', async () => {
    const { trend, trendInterval } = await service.sentiment('st', PERIOD);
    expect(trendInterval).toBe(TrendInterval.DAY);
    expect(trend.map((p) => [p.key, p.inbound, p.positive, p.neutral, p.negative])).toEqual([
      ['2025-03-03', 4, 2, 0, 2],
      ['2025-03-04', 1, 0, 1, 0],
      ['2025-03-05', 4, 0, 0, 3],
      ['2025-03-06', 0, 0, 0, 0],
      ['2025-03-07', 2, 2, 0, 0],
      ['2025-03-08', 0, 0, 0, 0],
      ['2025-03-09', 0, 0, 0, 0],
    ]);
    // (0.5 − 0.5 + 0.25 − 1) / 4; (−0.75 − 0.25 − 1) / 3
    expect(trend[0]!.average).toBeCloseTo(-0.1875, 12);
    expect(trend[2]!.average).toBeCloseTo(-2 / 3, 6);
    expect(trend[3]).toMatchObject({ average: null, netSentiment: null, positiveShare: null });
    const weekly = await service.sentiment('st', PERIOD, null, TrendInterval.WEEK);
    expect(weekly.trend.map((p) => [p.key, p.inbound])).toEqual([['2025-03-03', 11]]);
    expect(defaultTrendInterval({ from: PERIOD.from, to: new Date('2025-06-04T00:00:00Z') })).toBe(TrendInterval.DAY);
    expect(defaultTrendInterval({ from: PERIOD.from, to: new Date('2025-06-04T00:00:00.001Z') })).toBe(
      TrendInterval.WEEK,
    );
  });

  it('splits by segment', async () => {
    const { rows, total, lift } = await service.sentiment('st', PERIOD, GroupBy.SEGMENT);
    // The total and the lift do not depend on the grouping.
    const ungrouped = await service.sentiment('st', PERIOD);
    expect(total).toEqual(ungrouped.total);
    expect(lift).toEqual(ungrouped.lift);
    expect(total.inbound).toBe(11);
    expect(rows.map((r) => r.key)).toEqual(['', 'a', 'b']);
    // t5 (u3, no record) unscored, x2 (u9) −1
    expect(row(rows, '')).toMatchObject({ inbound: 2, negative: 1, unscored: 1, average: -1, netSentiment: -100 });
    // t1 t3 t6 f6
    expect(row(rows, 'a')).toMatchObject({
      inbound: 4,
      positive: 3,
      neutral: 1,
      negative: 0,
      average: 0.3828125,
      netSentiment: 100,
    });
    // t2 t4 f2 f4 f4b
    expect(row(rows, 'b')).toMatchObject({ inbound: 5, positive: 1, negative: 4, average: -0.45 });
  });

  it('runs only the queries the selected fields need, with the same figures', async () => {
    const all = await service.sentiment('st', PERIOD, GroupBy.SEGMENT);
    // Rows alone (the table by brand): the grouping's query, no trend; its total is the same.
    const rowsOnly = await service.sentiment('st', PERIOD, GroupBy.SEGMENT, null, { distribution: true, trend: false });
    expect(rowsOnly.rows).toEqual(all.rows);
    expect(rowsOnly.total).toEqual(all.total);
    expect(rowsOnly.trend.every((t) => t.inbound === 0)).toBe(true);
    expect(rowsOnly.lift.pairs).toBe(0);
    // The trend and the lift alone: no grouping's query.
    const trendOnly = await service.sentiment('st', PERIOD, GroupBy.SEGMENT, null, {
      distribution: false,
      trend: true,
    });
    expect(trendOnly.rows).toEqual([]);
    expect({ total: trendOnly.total, trend: trendOnly.trend, lift: trendOnly.lift }).toEqual({
      total: all.total,
      trend: all.trend,
      lift: all.lift,
    });
    expect(all.lift.pairs).toBeGreaterThan(0);
  });

  it('plans the queries from the selected fields', () => {
    const paths = (...p: string[]) => new Set(p);
    // The Sentiment page's table by brand, its trend of one channel, the Response page's lift.
    expect(sentimentParts(paths('rows', 'rows.key'), true)).toEqual({ distribution: true, trend: false });
    expect(sentimentParts(paths('total', 'trend', 'trendInterval'), false)).toEqual({
      distribution: false,
      trend: true,
    });
    expect(sentimentParts(paths('lift', 'lift.pairs'), false)).toEqual({ distribution: false, trend: true });
    // The total alone: from the grouping when there is one, else from the trend's query.
    expect(sentimentParts(paths('total'), true)).toEqual({ distribution: true, trend: false });
    expect(sentimentParts(paths('total'), false)).toEqual({ distribution: false, trend: true });
    // Everything: both.
    expect(sentimentParts(paths('rows', 'total', 'trend', 'lift'), true)).toEqual({ distribution: true, trend: true });
    // Nothing that needs a query (the grouping's name, the interval).
    expect(sentimentParts(paths('groupBy', 'trendInterval'), true)).toEqual({ distribution: false, trend: false });
  });

  it('returns empty figures for a workspace without data and refuses a bad filter', async () => {
    const report = await service.sentiment('nobody', PERIOD, GroupBy.BRAND);
    expect(report.rows).toEqual([]);
    expect(report.total).toMatchObject({ inbound: 0, average: null, netSentiment: null });
    expect(report.lift).toEqual({
      pairs: 0,
      averageLift: null,
      improved: 0,
      worsened: 0,
      improvedShare: null,
      worsenedShare: null,
    });
    await expect(service.sentiment('st', { ...PERIOD, channels: ['fax'] })).rejects.toBeInstanceOf(FilterException);
  });

  it('builds the SQL it runs (snapshot)', () => {
    const repository = new SentimentRepository(db, coverageReader(db));
    const filter = { ...PERIOD, brands: ['acme'], segments: ['a'] };
    expect(repository.buildDistribution('st', filter, GroupBy.HOUR_OF_WEEK, SNAPSHOT_COVERAGE)).toMatchSnapshot();
    expect(repository.buildTrend('st', filter, 'week', SNAPSHOT_COVERAGE)).toMatchSnapshot();
  });
});
