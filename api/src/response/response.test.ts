import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { openTestDatabase, type Database } from '@resonance/sql';
import { FixedClock, SystemClock } from '../common/clock';
import { FilterException } from '../filter/filter.exception';
import { loadWorkspace, coverageReader, SNAPSHOT_COVERAGE, filterService } from './__tests__/analytics-fixture';
import { GroupBy } from './dto/group-by.enum';
import type { ResponseFigures } from './dto/response.model';
import { ALL_RESPONSE_PARTS } from './response-parts';
import { ResponseRepository } from './response.repository';
import { ResponseService } from './response.service';

// Europe/Berlin is UTC+1 until Sunday 2025-03-30 02:00, UTC+2 after. Business hours Mon–Fri 09–17.
const NOW = new Date('2025-04-01T00:00:00Z');
const PERIOD = { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: ResponseService;
let cache: ResultCache;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'cx',
    settings: { timezone: 'Europe/Berlin' },
    customers: [
      { id: 'c1', segment: 'enterprise', lifecycle: 'loyal' },
      { id: 'c2', segment: 'consumer' },
    ],
    messages: [
      // Tue 10:00 local → 10:30: inside hours. Calendar 1 800 s, business 1 800 s.
      { id: 'a', at: '2025-03-11T09:00:00Z', channel: 'email', customer: 'c1' },
      // Tue 16:00 → Wed 10:00 overnight: calendar 18 h = 64 800 s; business 16–17 + 09–10 = 7 200 s.
      { id: 'b', at: '2025-03-11T15:00:00Z', channel: 'chat', customer: 'c2' },
      // Fri 16:30 → Mon 09:15 over the weekend: calendar 64 h 45 min = 233 100 s; business 30 + 15 min = 2 700 s.
      { id: 'c', at: '2025-03-14T15:30:00Z', channel: 'twitter', customer: 'c1' },
      // Wed 07:00 → 08:30, before opening: calendar 5 400 s, business 0.
      { id: 'd', at: '2025-03-12T06:00:00Z', channel: 'chat', customer: 'c2' },
      // Fri 16:00 CET → Mon 10:00 CEST across the DST weekend: calendar 65 h = 234 000 s; business 1 h + 1 h = 7 200 s.
      { id: 'e', at: '2025-03-28T15:00:00Z', channel: 'email', customer: 'c3' },
      // Only a bot answers: missed (11 days old), bot-replied.
      { id: 'f', at: '2025-03-20T10:00:00Z', channel: 'twitter', customer: 'c2' },
      // 12 h old at NOW: pending.
      { id: 'g', at: '2025-03-31T12:00:00Z', channel: 'twitter' },
      // Never answered: missed.
      { id: 'h', at: '2025-03-18T10:00:00Z', channel: 'facebook', customer: 'c1' },
      // Before the period.
      { id: 'z', at: '2025-03-09T23:00:00Z', channel: 'email', customer: 'c1' },
    ],
    replies: [
      { id: 'ra', parent: 'a', at: '2025-03-11T09:30:00Z', agent: 'ann', channel: 'email' },
      { id: 'rb', parent: 'b', at: '2025-03-12T09:00:00Z', agent: 'bob', channel: 'chat' },
      { id: 'rc', parent: 'c', at: '2025-03-17T08:15:00Z', agent: 'ann' },
      { id: 'rd', parent: 'd', at: '2025-03-12T07:30:00Z', agent: 'bob', channel: 'chat' },
      { id: 're', parent: 'e', at: '2025-03-31T08:00:00Z', agent: 'ann', channel: 'email' },
      { id: 'bf', parent: 'f', at: '2025-03-20T10:01:00Z', bot: true },
      { id: 'rz', parent: 'z', at: '2025-03-10T09:00:00Z', agent: 'ann', channel: 'email' },
    ],
  });
  // Every day a business day: Sunday 2025-03-30 is the day the clocks go forward.
  await loadWorkspace(db, {
    id: 'allweek',
    settings: { timezone: 'Europe/Berlin', businessDays: [1, 2, 3, 4, 5, 6, 7] },
    messages: [
      // Sun 08:00 CEST → 10:00 CEST: calendar 7 200 s; business 09:00–10:00 local = 3 600 s
      // (midnight + 9 h would be 10:00 CEST that day, and give 0).
      { id: 's1', at: '2025-03-30T06:00:00Z' },
      // Sat 16:00 CET → Sun 09:30 CEST: calendar 16.5 h = 59 400 s; business 1 h + 30 min = 5 400 s.
      { id: 's2', at: '2025-03-29T15:00:00Z' },
    ],
    replies: [
      { id: 'r1', parent: 's1', at: '2025-03-30T08:00:00Z' },
      { id: 'r2', parent: 's2', at: '2025-03-30T07:30:00Z' },
    ],
  });
  // Open 22:00–24:00 UTC every day: the closing minute 1440 is the next midnight.
  await loadWorkspace(db, {
    id: 'late',
    settings: {
      timezone: 'UTC',
      businessDays: [1, 2, 3, 4, 5, 6, 7],
      businessStartMinute: 1320,
      businessEndMinute: 1440,
    },
    // Mon 23:00 → Tue 22:30: calendar 23.5 h = 84 600 s; business 1 h + 30 min = 5 400 s.
    messages: [{ id: 'n1', at: '2025-03-10T23:00:00Z' }],
    replies: [{ id: 'r1', parent: 'n1', at: '2025-03-11T22:30:00Z' }],
  });
  await loadWorkspace(db, {
    id: 'brands',
    brands: [
      { brand: 'acme', name: 'Acme', isOwn: true },
      { brand: 'rival', name: 'Rival', isOwn: false },
    ],
    messages: [
      { id: 'own', at: '2025-03-11T09:00:00Z', brand: 'acme' },
      { id: 'theirs', at: '2025-03-11T09:00:00Z', brand: 'rival' },
    ],
    replies: [{ id: 'r1', parent: 'own', at: '2025-03-11T09:10:00Z' }],
  });
  service = new ResponseService(
    new ResponseRepository(db, coverageReader(db)),
    filterService(db),
    new FixedClock(NOW),
    (cache = new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS)),
  );
});

afterAll(async () => {
  await db.close();
});

function row(rows: ResponseFigures[], key: string): ResponseFigures {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('response', () => {
  it('computes the total as worked out by hand', async () => {
    const { total, rows, groupBy } = await service.response('cx', PERIOD);
    expect(groupBy).toBeNull();
    expect(rows).toEqual([]);
    expect(total).toMatchObject({ key: '', inbound: 8, replied: 5, pending: 1, missed: 2, botReplied: 1 });
    expect(total.responseRate).toBeCloseTo(5 / 8, 12);
    // Calendar FRT sorted 1 800, 5 400, 64 800, 233 100, 234 000: p90 at rank 3.6, p95 at rank 3.8.
    expect(total.frtP50Seconds).toBe(64_800);
    expect(total.frtP90Seconds).toBeCloseTo(233_100 + 0.6 * 900, 6);
    expect(total.frtP95Seconds).toBeCloseTo(233_100 + 0.8 * 900, 6);
    expect(total.frtMeanSeconds).toBeCloseTo(539_100 / 5, 6);
    // Business FRT sorted 0, 1 800, 2 700, 7 200, 7 200.
    expect(total.businessFrtP50Seconds).toBe(2_700);
    expect(total.businessFrtP90Seconds).toBe(7_200);
    expect(total.businessFrtP95Seconds).toBe(7_200);
    expect(total.businessFrtMeanSeconds).toBeCloseTo(18_900 / 5, 6);
  });

  it('counts business time on the day the clocks change, and a closing time of midnight', async () => {
    const allweek = (await service.response('allweek', PERIOD)).total;
    expect(allweek.replied).toBe(2);
    // [3 600, 5 400] and [7 200, 59 400]: the medians are the means of the two.
    expect(allweek.businessFrtP50Seconds).toBe(4_500);
    expect(allweek.frtP50Seconds).toBe(33_300);
    const late = (await service.response('late', PERIOD)).total;
    expect(late.frtP50Seconds).toBe(84_600);
    expect(late.businessFrtP50Seconds).toBe(5_400);
  });

  it('splits by segment through the customers, unknown customers under ""', async () => {
    const { rows, total } = await service.response('cx', PERIOD, GroupBy.SEGMENT);
    expect(rows.map((r) => r.key)).toEqual(['', 'consumer', 'enterprise']);
    expect(total.inbound).toBe(8);
    // e (c3 has no customer record) and g (no customer): e replied 234 000 s / 7 200 s business, g pending.
    expect(row(rows, '')).toMatchObject({
      inbound: 2,
      replied: 1,
      pending: 1,
      missed: 0,
      frtP50Seconds: 234_000,
      businessFrtP50Seconds: 7_200,
    });
    // b, d, f: FRT 64 800 and 5 400; business 7 200 and 0.
    expect(row(rows, 'consumer')).toMatchObject({
      inbound: 3,
      replied: 2,
      missed: 1,
      botReplied: 1,
      frtP50Seconds: 35_100,
      businessFrtP50Seconds: 3_600,
    });
    // a, c, h: FRT 1 800 and 233 100; business 1 800 and 2 700.
    expect(row(rows, 'enterprise')).toMatchObject({
      inbound: 3,
      replied: 2,
      missed: 1,
      frtP50Seconds: 117_450,
      businessFrtP50Seconds: 2_250,
    });
  });

  it('splits by the answering agent, by channel and by lifecycle stage', async () => {
    const agents = (await service.response('cx', PERIOD, GroupBy.AGENT)).rows;
    expect(agents.map((r) => [r.key, r.inbound, r.replied])).toEqual([
      ['', 3, 0],
      ['ann', 3, 3],
      ['bob', 2, 2],
    ]);
    expect(row(agents, '').responseRate).toBe(0);
    expect(row(agents, '').frtP50Seconds).toBeNull();
    const channels = (await service.response('cx', PERIOD, GroupBy.CHANNEL)).rows;
    expect(channels.map((r) => [r.key, r.inbound])).toEqual([
      ['chat', 2],
      ['email', 2],
      ['facebook', 1],
      ['twitter', 3],
    ]);
    const stages = (await service.response('cx', PERIOD, GroupBy.LIFECYCLE_STAGE)).rows;
    expect(stages.map((r) => [r.key, r.inbound])).toEqual([
      ['', 2],
      ['active', 3],
      ['loyal', 3],
    ]);
  });

  it("groups by hour of week in the workspace's time zone, and by UTC week and month", async () => {
    const hours = (await service.response('cx', PERIOD, GroupBy.HOUR_OF_WEEK)).rows;
    // c Fri 16:30 CET and e Fri 16:00 CET; g Mon 12:00 UTC = 14:00 CEST; d Wed 07:00 CET.
    expect(hours.map((r) => [r.key, r.inbound])).toEqual([
      ['1-14', 1],
      ['2-10', 1],
      ['2-11', 1],
      ['2-16', 1],
      ['3-07', 1],
      ['4-11', 1],
      ['5-16', 2],
    ]);
    const weeks = (await service.response('cx', PERIOD, GroupBy.WEEK)).rows;
    // Mondays 10th: a b c d; 17th: f h; 24th: e; 31st: g.
    expect(weeks.map((r) => [r.key, r.inbound])).toEqual([
      ['2025-03-10', 4],
      ['2025-03-17', 2],
      ['2025-03-24', 1],
      ['2025-03-31', 1],
    ]);
    const months = (await service.response('cx', PERIOD, GroupBy.MONTH)).rows;
    expect(months.map((r) => [r.key, r.inbound])).toEqual([['2025-03', 8]]);
    const days = (
      await service.response('cx', { from: PERIOD.from, to: new Date('2025-03-12T00:00:00Z') }, GroupBy.DAY)
    ).rows;
    expect(days.map((r) => [r.key, r.inbound])).toEqual([['2025-03-11', 2]]);
  });

  it('computes only the parts a request asks for, with the same figures', async () => {
    // The heatmap's request: the groups' medians, no total.
    const heatmap = {
      ...ALL_RESPONSE_PARTS,
      total: false,
      frtMean: false,
      businessFrtQuantiles: false,
      businessFrtMean: false,
    };
    for (const groupBy of [GroupBy.HOUR_OF_WEEK, GroupBy.CHANNEL, GroupBy.SEGMENT]) {
      const all = await service.response('cx', PERIOD, groupBy);
      const some = await service.response('cx', PERIOD, groupBy, heatmap);
      expect(some.rows).toEqual(
        all.rows.map((r) => ({
          ...r,
          frtMeanSeconds: null,
          businessFrtP50Seconds: null,
          businessFrtP90Seconds: null,
          businessFrtP95Seconds: null,
          businessFrtMeanSeconds: null,
        })),
      );
      expect(some.rows.some((r) => r.frtP50Seconds !== null)).toBe(true);
      // No total row was computed: the total reads zeros.
      expect(some.total).toMatchObject({ inbound: 0, frtP50Seconds: null });
    }
    // Each FRT part on its own, against the total worked out by hand above.
    const none = { ...heatmap, total: true, frtQuantiles: false };
    expect((await service.response('cx', PERIOD, null, { ...none, businessFrtQuantiles: true })).total).toMatchObject({
      inbound: 8,
      replied: 5,
      frtP50Seconds: null,
      frtMeanSeconds: null,
      businessFrtP50Seconds: 2_700,
      businessFrtP95Seconds: 7_200,
      businessFrtMeanSeconds: null,
    });
    const means = (
      await service.response('cx', PERIOD, GroupBy.CHANNEL, { ...none, frtMean: true, businessFrtMean: true })
    ).total;
    expect(means).toMatchObject({ inbound: 8, frtP90Seconds: null, businessFrtP50Seconds: null });
    expect(means.frtMeanSeconds).toBeCloseTo(539_100 / 5, 6);
    expect(means.businessFrtMeanSeconds).toBeCloseTo(18_900 / 5, 6);
    // The SQL: the total by ROLLUP only when asked, and a part left out is a constant false.
    const build = (parts: typeof heatmap) =>
      new ResponseRepository(db, coverageReader(db)).build(
        'cx',
        PERIOD,
        GroupBy.CHANNEL,
        NOW,
        SNAPSHOT_COVERAGE,
        parts,
      );
    expect(build(ALL_RESPONSE_PARTS).query).toMatch(/GROUP BY ROLLUP\(key\)\s+ORDER BY/);
    expect(build(heatmap).query).toMatch(/GROUP BY key\s+ORDER BY/);
    expect(build(heatmap).params).toMatchObject({
      frt_quantiles: true,
      frt_mean: false,
      business_frt_quantiles: false,
      business_frt_mean: false,
    });
  });

  it('applies the filter with a grouping that joins customers', async () => {
    const { rows, total } = await service.response(
      'cx',
      { ...PERIOD, channels: ['twitter'], segments: ['consumer', 'enterprise'] },
      GroupBy.SEGMENT,
    );
    // twitter: c (c1), f (c2), g (none; dropped by the segment filter).
    expect(total).toMatchObject({ inbound: 2, replied: 1, missed: 1 });
    expect(rows.map((r) => [r.key, r.inbound])).toEqual([
      ['consumer', 1],
      ['enterprise', 1],
    ]);
  });

  it("covers the workspace's own brands unless the filter names brands ([] = all)", async () => {
    expect((await service.response('brands', PERIOD)).total).toMatchObject({ inbound: 1, replied: 1 });
    expect((await service.response('brands', { ...PERIOD, brands: [] })).total).toMatchObject({
      inbound: 2,
      replied: 1,
    });
    expect((await service.response('brands', { ...PERIOD, brands: ['rival'] })).total).toMatchObject({
      inbound: 1,
      replied: 0,
    });
  });

  it('returns an empty total for a workspace without data, and refuses a bad filter', async () => {
    const { total } = await service.response('nobody', PERIOD, GroupBy.CHANNEL);
    expect(total).toMatchObject({
      inbound: 0,
      replied: 0,
      responseRate: null,
      frtP50Seconds: null,
      businessFrtMeanSeconds: null,
    });
    await expect(service.response('cx', { from: PERIOD.to, to: PERIOD.from })).rejects.toBeInstanceOf(FilterException);
  });

  it('serves a repeated query from the cache until a load changes the workspace', async () => {
    const period = { from: new Date('2025-05-01T00:00:00Z'), to: new Date('2025-05-02T00:00:00Z') };
    expect((await service.response('cached', period)).total.inbound).toBe(0);
    const hits = cache.stats().hits;
    expect((await service.response('cached', period)).total.inbound).toBe(0);
    expect(cache.stats().hits).toBe(hits + 1);
    await loadWorkspace(db, { id: 'cached', messages: [{ id: 'n2', at: '2025-05-01T10:00:00Z' }] });
    expect((await service.response('cached', period)).total.inbound).toBe(1);
  });

  it('builds the SQL it runs (snapshot)', () => {
    const built = new ResponseRepository(db, coverageReader(db)).build(
      'cx',
      { ...PERIOD, channels: ['twitter'], segments: ['consumer'] },
      GroupBy.SEGMENT,
      NOW,
      SNAPSHOT_COVERAGE,
    );
    expect(built.query).toMatchSnapshot();
    expect(built.params).toMatchSnapshot();
    // The heatmap's query reads the hourly rollup (migration 0029) instead of the daily one.
    const heatmap = new ResponseRepository(db, coverageReader(db)).build(
      'cx',
      PERIOD,
      GroupBy.HOUR_OF_WEEK,
      NOW,
      SNAPSHOT_COVERAGE,
    );
    expect(heatmap.query).toMatchSnapshot();
    // Without a grouping, the total alone.
    const total = new ResponseRepository(db, coverageReader(db)).build('cx', PERIOD, null, NOW, SNAPSHOT_COVERAGE);
    expect(total.query).toMatchSnapshot();
  });
});
