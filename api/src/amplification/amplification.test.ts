import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import {
  openTestDatabase,
  readInboundCoverage,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { FixedClock, SystemClock } from '../common/clock';
import {
  loadWorkspace,
  coverageReader,
  SNAPSHOT_COVERAGE,
  filterService,
} from '../response/__tests__/analytics-fixture';
import { AmplificationRepository } from './amplification.repository';
import { AmplificationService } from './amplification.service';

// SLA 24 h: at NOW unanswered messages before 2025-03-31T00:00Z are missed, later ones pending.
const NOW = new Date('2025-04-01T00:00:00Z');
const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: AmplificationService;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'amp',
    messages: [
      { id: 'p1', at: '2025-03-02T10:00:00Z', channel: 'twitter', sentiment: -0.5, followers: 100, text: 'still down' },
      { id: 'p2', at: '2025-03-03T10:00:00Z', channel: 'twitter', sentiment: -0.75, followers: 3000 },
      { id: 'p3', at: '2025-03-04T10:00:00Z', channel: 'facebook', sentiment: 0.5, followers: 50 },
      { id: 'p4', at: '2025-03-31T12:00:00Z', channel: 'instagram', sentiment: -0.25 },
      { id: 'p5', at: '2025-03-05T10:00:00Z', channel: 'twitter', sentiment: -0.5 },
      { id: 'p6', at: '2025-03-06T10:00:00Z', channel: 'reviews', sentiment: 0, followers: 10 },
      // Private, and before the period: not counted.
      { id: 'e1', at: '2025-03-06T10:00:00Z', channel: 'email', sentiment: -0.9, followers: 99_999 },
      { id: 'p0', at: '2025-02-27T10:00:00Z', channel: 'twitter', sentiment: -0.9, followers: 99_999 },
    ],
    replies: [
      { id: 'r1', parent: 'p1', at: '2025-03-02T11:00:00Z' },
      { id: 'r6', parent: 'p6', at: '2025-03-06T11:00:00Z', channel: 'reviews' },
    ],
    engagement: [
      // p1: the later snapshot wins.
      { id: 'p1', shares: 1, quotes: 0, impressions: 5, capturedAt: '2025-03-02T12:00:00Z' },
      { id: 'p1', shares: 10, quotes: 2, impressions: 20_000, capturedAt: '2025-03-03T12:00:00Z' },
      // p3: no impressions, so followers are the reach.
      { id: 'p3', shares: 30, quotes: 0, impressions: null },
      { id: 'p4', shares: 1, quotes: 1, impressions: 700 },
      { id: 'p6', shares: 0, quotes: 5, impressions: 100 },
    ],
  });
  service = new AmplificationService(
    new AmplificationRepository(db, coverageReader(db)),
    filterService(db),
    new FixedClock(NOW),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

describe('amplification', () => {
  it('sums shares, quotes and reach, and splits negative reach by answer', async () => {
    const report = await service.amplification('amp', PERIOD, {}, 'analyst');
    expect(report).toMatchObject({
      publicMessages: 6,
      // 10 + 30 + 1 + 0 and 2 + 0 + 1 + 5
      shares: 41,
      quotes: 8,
      amplification: 49,
      // p1 20 000 (impressions) + p2 3 000 + p3 50 (followers) + p4 700 + p5 0 + p6 100
      reach: 23_850,
      // p1 p2 p4 p5
      negativeMessages: 4,
      amplifiedNegativeReach: 23_700,
      // p1 answered; p2 and p5 missed; p4 twelve hours old, pending
      answeredNegativeReach: 20_000,
      missedNegativeReach: 3_000,
      pendingNegativeReach: 700,
    });
  });

  it('lists the most amplified posts, ties by reach', async () => {
    const { topPosts } = await service.amplification('amp', PERIOD, { top: 100 }, 'analyst');
    // amplification p3 30, p1 12, p6 5, p4 2, then p2 and p5 with 0: p2 has more reach.
    expect(topPosts.map((p) => [p.interactionId, p.amplification, p.reach, p.answered])).toEqual([
      ['p3', 30, 50, false],
      ['p1', 12, 20_000, true],
      ['p6', 5, 100, true],
      ['p4', 2, 700, false],
      ['p2', 0, 3_000, false],
      ['p5', 0, 0, false],
    ]);
    expect(topPosts[1]).toMatchObject({
      text: 'still down',
      authorHandle: '@someone',
      sentiment: -0.5,
      shares: 10,
      quotes: 2,
      channel: 'twitter',
    });
    const three = await service.amplification('amp', PERIOD, { top: 3 }, 'viewer');
    expect(three.topPosts.map((p) => p.interactionId)).toEqual(['p3', 'p1', 'p6']);
    expect(three.topPosts[1]).toMatchObject({ text: null, authorHandle: null });
  });

  it('applies the filter and bounds top', async () => {
    const twitter = await service.amplification('amp', { ...PERIOD, channels: ['twitter'] }, { top: 1 }, 'analyst');
    expect(twitter).toMatchObject({ publicMessages: 3, shares: 10, reach: 23_000, missedNegativeReach: 3_000 });
    expect(twitter.topPosts.map((p) => p.interactionId)).toEqual(['p1']);
    await expect(service.amplification('amp', PERIOD, { top: 101 }, 'analyst')).rejects.toThrow('top must be 1…100');
    const empty = await service.amplification('nobody', PERIOD, {}, 'analyst');
    expect(empty).toMatchObject({ publicMessages: 0, reach: 0, amplifiedNegativeReach: 0, topPosts: [] });
  });

  it('builds the SQL it runs (snapshot)', () => {
    const repository = new AmplificationRepository(db, coverageReader(db));
    const filter = { ...PERIOD, brands: ['acme'], publicOnly: true };
    expect(repository.buildSummary('amp', filter, NOW, SNAPSHOT_COVERAGE)).toMatchSnapshot();
    expect(repository.buildTopPosts('amp', filter, 10, SNAPSHOT_COVERAGE)).toMatchSnapshot();
  });

  // The public_posts_daily rollup (migration 0025) must give the top posts the rows give.
  it('takes the top posts of whole days from the posts rollup, as the rows give them', async () => {
    const repository = new AmplificationRepository(db, coverageReader(db));
    const coverage = await readInboundCoverage(db, 'amp');
    const run = async (filter: AnalyticsFilter, limit: number, c: InboundCoverage) => {
      const { query, params } = repository.buildTopPosts('amp', filter, limit, c);
      const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
      return { rows: await result.json(), rollup: params.use_rollup };
    };
    for (const filter of [
      PERIOD,
      { ...PERIOD, channels: ['twitter'] },
      { ...PERIOD, agents: [''] },
      { ...PERIOD, sentiments: ['negative' as const], publicOnly: true },
      // p2's day partial (from the rows), the rest whole.
      { from: new Date('2025-03-03T09:00:00Z'), to: new Date('2025-03-31T13:00:00Z') },
    ]) {
      for (const limit of [1, 2, 3, 100]) {
        const hybrid = await run(filter, limit, coverage);
        const rows = await run(filter, limit, { ...coverage, posts: { runs: [] } });
        expect(hybrid.rollup).toBe(true);
        expect(rows.rollup).toBe(false);
        expect(hybrid.rows).toEqual(rows.rows);
      }
    }
    const top = await run(PERIOD, 3, coverage);
    expect((top.rows as { interaction_id: string }[]).map((r) => r.interaction_id)).toEqual(['p3', 'p1', 'p6']);
    // A narrowing the rollup does not keep: the rows.
    expect((await run({ ...PERIOD, terms: ['down'] }, 3, coverage)).rollup).toBe(false);
  });
});
