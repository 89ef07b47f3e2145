import { IngestRun } from '@resonance/pipelines';
import { coverageReader, filterService } from '../src/response/__tests__/analytics-fixture';
import { openTestDatabase, type Database } from '@resonance/sql';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../src/cache/result-cache';
import { FixedClock, SystemClock } from '../src/common/clock';
import type { FilterInput } from '../src/filter/dto/filter.input';
import { FilterException } from '../src/filter/filter.exception';
import type { OverviewFigures } from '../src/overview/dto/overview.model';
import { OverviewRepository } from '../src/overview/overview.repository';
import { OverviewService } from '../src/overview/overview.service';
import { WorkspaceRepository } from '../src/workspace/workspace.repository';
import { WorkspaceService } from '../src/workspace/workspace.service';
import { ACME_NOW, ACME_PERIOD, acmeExpected, loadAcme } from './support/fixture';

let db: Database;

function service(now: Date): OverviewService {
  return new OverviewService(
    new OverviewRepository(db, coverageReader(db)),
    filterService(db),
    new FixedClock(now),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
}

function expectFigures(actual: OverviewFigures, expected: OverviewFigures): void {
  const { frtP50Seconds, frtP90Seconds, responseRate, netSentiment, historicalValue, ...counts } = expected;
  expect(actual).toMatchObject(counts);
  expect(actual.frtP50Seconds).toBeCloseTo(frtP50Seconds!, 3);
  expect(actual.frtP90Seconds).toBeCloseTo(frtP90Seconds!, 3);
  expect(actual.responseRate).toBeCloseTo(responseRate!, 9);
  expect(actual.netSentiment).toBeCloseTo(netSentiment!, 9);
  expect(actual.historicalValue).toBeCloseTo(historicalValue, 9);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await loadAcme(db);
});

afterAll(async () => {
  await db.close();
});

describe('overview on the acme fixture', () => {
  it('computes every figure of the period and the previous period as worked out by hand', async () => {
    const overview = await service(ACME_NOW).overview('acme', { ...ACME_PERIOD });
    expect(overview.period).toEqual(ACME_PERIOD);
    expect(overview.comparePeriod).toEqual({
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-03-08T00:00:00Z'),
    });
    expectFigures(overview.current, acmeExpected.current);
    expectFigures(overview.previous, acmeExpected.previous);
  });

  it('fills a daily trend over the period, empty days included', async () => {
    const { trend } = await service(ACME_NOW).overview('acme', { ...ACME_PERIOD });
    expect(trend.map((p) => p.bucket.toISOString())).toEqual(acmeExpected.trend.map((t) => t[0]));
    expect(trend.map((p) => p.inbound)).toEqual(acmeExpected.trend.map((t) => t[1]));
    trend.forEach((point, i) => {
      const [, , rate, net] = acmeExpected.trend[i]!;
      if (rate === null) expect(point.responseRate).toBeNull();
      else expect(point.responseRate).toBeCloseTo(rate, 9);
      expect(point.netSentiment).toBe(net);
    });
  });

  it('measures pending against the clock: later, every unanswered message is missed', async () => {
    const { current } = await service(new Date('2025-04-01T00:00:00Z')).overview('acme', { ...ACME_PERIOD });
    expect(current.pending).toBe(0);
    expect(current.missed).toBe(acmeExpected.current.missed + acmeExpected.current.pending);
  });

  it('counts competitor mentions only when their brand is asked for', async () => {
    const { current } = await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, brands: ['acme', 'rival'] });
    // + m10, answered by rival itself (1 200 s), negative and public with 300 followers, customer c7
    expect(current.inbound).toBe(11);
    expect(current.replied).toBe(5);
    expect(current.amplifiedNegativeReach).toBe(11_900 + 300);
    expect(current.activeCustomers).toBe(8);
    // FRT sorted 30, 600, 1200, 3600, 7200: the median is the middle one
    expect(current.frtP50Seconds).toBe(1200);
    // An explicit empty list is no restriction: all brands.
    const all = (await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, brands: [] })).current;
    expect(all).toEqual(current);
  });

  it('applies channel and segment filters (segments also to transactions)', async () => {
    const twitter = (await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, channels: ['twitter'] })).current;
    // m1 m2 m6 m9; transactions are not per channel: c1 c2 c4 from messages, c8 from t2/t3
    expect(twitter).toMatchObject({ inbound: 4, replied: 2, missed: 2, pending: 0, activeCustomers: 4 });
    const enterprise = (await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, segments: ['enterprise'] })).current;
    // c1: m1 and m3, transactions t1 and t4
    expect(enterprise).toMatchObject({ inbound: 2, replied: 2, activeCustomers: 1 });
    expect(enterprise.historicalValue).toBeCloseTo(120.49, 9);
  });

  it('filters by agent (who first answered) and to public messages', async () => {
    const ann = (await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, agents: ['ann'] })).current;
    // ann answered m1 (600 s) and m4 (30 s)
    expect(ann).toMatchObject({ inbound: 2, replied: 2, frtP50Seconds: 315, missed: 0 });
    const publicOnly = (await service(ACME_NOW).overview('acme', { ...ACME_PERIOD, publicOnly: true })).current;
    // m1 m2 m5 m6 m9; m2 m5 m6 are unanswered
    expect(publicOnly).toMatchObject({ inbound: 5, replied: 2, missed: 3, pending: 0, amplifiedNegativeReach: 11_900 });
  });

  it('compares with any earlier period of the same length', async () => {
    const overview = await service(ACME_NOW).overview('acme', {
      ...ACME_PERIOD,
      compareFrom: new Date('2025-02-01T00:00:00Z'),
    });
    expect(overview.comparePeriod).toEqual({
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date('2025-02-08T00:00:00Z'),
    });
    expect(overview.previous).toMatchObject({
      inbound: 0,
      replied: 0,
      responseRate: null,
      frtP50Seconds: null,
      netSentiment: null,
      historicalValue: 0,
    });
    expectFigures(overview.current, acmeExpected.current);
  });

  it('returns empty figures, not errors, for a workspace without data', async () => {
    const { current, trend } = await service(ACME_NOW).overview('nobody', { ...ACME_PERIOD });
    expect(current).toEqual({
      inbound: 0,
      replied: 0,
      responseRate: null,
      pending: 0,
      missed: 0,
      botReplied: 0,
      frtP50Seconds: null,
      frtP90Seconds: null,
      netSentiment: null,
      amplifiedNegativeReach: 0,
      activeCustomers: 0,
      historicalValue: 0,
    });
    expect(trend.every((p) => p.inbound === 0)).toBe(true);
  });

  it('serves a repeat from the cache, and a new load of the workspace is seen at once', async () => {
    const cachedService = service(ACME_NOW);
    await loadAcme(db, 'acme-cache');
    const first = await cachedService.overview('acme-cache', { ...ACME_PERIOD });
    const scans = jest.spyOn(OverviewRepository.prototype, 'inboundKpis');
    const totals = jest.spyOn(OverviewRepository.prototype, 'inboundTotal');
    expect(await cachedService.overview('acme-cache', { ...ACME_PERIOD })).toEqual(first);
    expect(scans).not.toHaveBeenCalled();
    expect(totals).not.toHaveBeenCalled();
    // One more unanswered message in the period, loaded as any load is (a new ingest run).
    const run = await IngestRun.start(db, 'acme-cache', 'test', []);
    await run.add('interactions', {
      workspace_id: 'acme-cache',
      interaction_id: 'cache-extra',
      source: 'test',
      brand: 'acme',
      channel: 'email',
      direction: 'inbound',
      is_public: false,
      created_at: '2025-03-10 10:00:00.000',
      thread_id: 'cache-extra',
      parent_id: '',
      author_kind: 'email',
      author_handle: 'x@example.com',
      author_followers: null,
      customer_id: '',
      agent: '',
      is_automated: false,
      text: 'where is my order',
      lang: 'en',
      sentiment: 0,
      sentiment_source: 'source',
      topics: [],
      csat: null,
      ingest_run_id: run.runId,
      version: run.version,
    });
    await run.finish();
    const after = await cachedService.overview('acme-cache', { ...ACME_PERIOD });
    // The period's figures and trend, and the compare period's figures: one query each.
    expect(scans).toHaveBeenCalledTimes(1);
    expect(totals).toHaveBeenCalledTimes(1);
    expect(after.current.inbound).toBe(first.current.inbound + 1);
    scans.mockRestore();
    totals.mockRestore();
  });

  it.each<[string, Partial<FilterInput>]>([
    ['an empty period', { from: ACME_PERIOD.to, to: ACME_PERIOD.from }],
    ['a period over three years', { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2023-01-01T00:00:01Z') }],
    ['an overlapping compare period', { compareFrom: new Date('2025-03-05T00:00:00Z') }],
    ['an unknown channel', { channels: ['carrier-pigeon'] }],
  ])('refuses %s before querying', async (_name, change) => {
    await expect(service(ACME_NOW).overview('acme', { ...ACME_PERIOD, ...change })).rejects.toBeInstanceOf(
      FilterException,
    );
  });
});

describe('workspace on the acme fixture', () => {
  it('describes settings, brands, segments, channels and the data range', async () => {
    const workspace = await new WorkspaceService(
      new WorkspaceRepository(db),
      new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
    ).workspace('acme');
    expect(workspace).toEqual({
      id: 'acme',
      name: 'Acme Corp',
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      slaHours: 24,
      brands: [
        { brand: 'acme', name: 'Acme', isOwn: true },
        { brand: 'rival', name: 'Rival Inc', isOwn: false },
      ],
      segments: ['consumer', 'enterprise', 'smb'],
      channels: ['chat', 'email', 'facebook', 'phone', 'twitter'],
      dataFrom: new Date('2025-02-28T23:00:00Z'),
      dataTo: new Date('2025-03-14T20:00:00Z'),
    });
  });
});
