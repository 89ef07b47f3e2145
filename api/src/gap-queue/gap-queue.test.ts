import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { GraphQLError } from 'graphql';
import { IngestRun } from '@resonance/pipelines';
import {
  openTestDatabase,
  readInboundCoverage,
  toClickHouseTime,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { FixedClock, SystemClock } from '../common/clock';
import { encodeCursor } from '../data/pagination';
import {
  loadWorkspace,
  coverageReader,
  SNAPSHOT_COVERAGE,
  filterService,
} from '../response/__tests__/analytics-fixture';
import { GapQueueRepository, type GapQueueCandidate, type GapQueuePosition } from './gap-queue.repository';
import { GapQueueService } from './gap-queue.service';

// SLA 24 h: at NOW everything unanswered before 2025-03-31T00:00Z is missed.
const NOW = new Date('2025-04-01T00:00:00Z');
const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: GapQueueService;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'gq',
    customers: [
      { id: 'k1', name: 'Kim', segment: 'enterprise' },
      { id: 'k2', name: 'Lee', segment: 'consumer' },
      { id: 'k3', name: 'Max', segment: 'consumer' },
    ],
    // k1 and k3 have a predicted CLV; k2 is not in the run and falls back to historical value 120.
    predictedClv: { k1: 900, k3: 50 },
    purchases: { k2: '120', k3: '999' },
    messages: [
      {
        id: 'q1',
        at: '2025-03-10T10:00:00Z',
        sentiment: -0.8,
        channel: 'twitter',
        followers: 100,
        customer: 'k3',
        text: 'broken again',
      },
      { id: 'q2', at: '2025-03-11T10:00:00Z', sentiment: -0.8, channel: 'email', customer: 'k1' },
      // Impressions (5 000) win over followers (50).
      { id: 'q3', at: '2025-03-12T10:00:00Z', sentiment: -0.5, channel: 'twitter', followers: 50, customer: 'k2' },
      { id: 'q4', at: '2025-03-12T11:00:00Z', sentiment: -0.5, channel: 'twitter', followers: 5000, customer: 'k3' },
      { id: 'q5', at: '2025-03-12T12:00:00Z', sentiment: -0.5, channel: 'twitter', followers: 5000, customer: 'k1' },
      // Unscored ranks as neutral (0): q7 and q6 tie on everything but age, older first.
      { id: 'q6', at: '2025-03-13T10:00:00Z', sentiment: null, channel: 'chat' },
      { id: 'q7', at: '2025-03-12T10:00:00Z', sentiment: 0, channel: 'chat' },
      { id: 'q8', at: '2025-03-14T10:00:00Z', sentiment: 0.6, channel: 'facebook', followers: 10, customer: 'k2' },
      // Answered, pending, and before the period: not in the queue.
      { id: 'a1', at: '2025-03-15T10:00:00Z', sentiment: -0.9, channel: 'twitter' },
      { id: 'p1', at: '2025-03-31T12:00:00Z', sentiment: -0.9, channel: 'twitter' },
      { id: 'o1', at: '2025-02-28T10:00:00Z', sentiment: -0.9, channel: 'twitter' },
    ],
    replies: [{ id: 'r1', parent: 'a1', at: '2025-03-15T11:00:00Z' }],
    engagement: [{ id: 'q3', shares: 1, quotes: 0, impressions: 5000 }],
  });
  service = new GapQueueService(
    new GapQueueRepository(db, coverageReader(db)),
    filterService(db),
    new FixedClock(NOW),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

describe('gapQueue', () => {
  it('lists missed messages worst first with their details', async () => {
    const page = await service.gapQueue('gq', PERIOD, { first: 100 }, 'analyst');
    // −0.8: public q1 before private q2; −0.5, reach 5 000 each: by value q5 (900), q3 (120), q4 (50);
    // 0: q7 older than q6; then q8.
    expect(page.nodes.map((n) => n.interactionId)).toEqual(['q1', 'q2', 'q5', 'q3', 'q4', 'q7', 'q6', 'q8']);
    expect(page.totalCount).toBe(8);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes[0]).toEqual({
      interactionId: 'q1',
      createdAt: new Date('2025-03-10T10:00:00Z'),
      // 21 days 14 hours before NOW
      ageSeconds: 21 * 86_400 + 14 * 3_600,
      brand: 'acme',
      channel: 'twitter',
      isPublic: true,
      text: 'broken again',
      authorHandle: '@k3',
      sentiment: -0.8 as number,
      reach: 100,
      customerId: 'k3',
      customerName: 'Max',
      customerSegment: 'consumer',
      customerValue: 50,
    });
    const byId = new Map(page.nodes.map((n) => [n.interactionId, n]));
    expect(byId.get('q3')).toMatchObject({ reach: 5000, customerValue: 120, customerName: 'Lee' });
    expect(byId.get('q2')).toMatchObject({ reach: null, customerValue: 900, isPublic: false });
    expect(byId.get('q6')).toMatchObject({
      sentiment: null,
      customerId: null,
      customerValue: null,
      customerSegment: null,
    });
  });

  it('pages through the same order with opaque cursors', async () => {
    const first = await service.gapQueue('gq', PERIOD, { first: 3 }, 'analyst');
    expect(first.nodes.map((n) => n.interactionId)).toEqual(['q1', 'q2', 'q5']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await service.gapQueue('gq', PERIOD, { first: 3, after: first.pageInfo.endCursor }, 'analyst');
    expect(second.nodes.map((n) => n.interactionId)).toEqual(['q3', 'q4', 'q7']);
    const third = await service.gapQueue('gq', PERIOD, { first: 3, after: second.pageInfo.endCursor }, 'analyst');
    expect(third.nodes.map((n) => n.interactionId)).toEqual(['q6', 'q8']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(third.totalCount).toBe(8);
  });

  it('walks the whole queue one message a page, across ties of sentiment', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<GapQueueService['gapQueue']>> = await service.gapQueue(
        'gq',
        PERIOD,
        { first: 1, after },
        'analyst',
      );
      seen.push(...page.nodes.map((n) => n.interactionId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['q1', 'q2', 'q5', 'q3', 'q4', 'q7', 'q6', 'q8']);
  });

  it('hides texts and customer details from viewers', async () => {
    const [q1] = (await service.gapQueue('gq', PERIOD, { first: 1 }, 'viewer')).nodes;
    expect(q1).toMatchObject({
      interactionId: 'q1',
      text: null,
      authorHandle: null,
      customerId: null,
      customerName: null,
      customerSegment: 'consumer',
      customerValue: 50,
    });
  });

  it('applies the filter', async () => {
    const page = await service.gapQueue(
      'gq',
      { ...PERIOD, channels: ['twitter'], segments: ['consumer'] },
      {},
      'admin',
    );
    expect(page.nodes.map((n) => n.interactionId)).toEqual(['q1', 'q3', 'q4']);
    expect(page.totalCount).toBe(3);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['a cursor of another shape', encodeCursor([1, 2])],
    ['SQL in a numeric part', encodeCursor(['0', '0', '1) OR (1', '0', '0', 'x'])],
    ['a flag out of range', encodeCursor(['0', '2', '0', '0', '0', 'x'])],
  ])('refuses %s', async (_name, after) => {
    await expect(service.gapQueue('gq', PERIOD, { after }, 'analyst')).rejects.toBeInstanceOf(GraphQLError);
  });

  it('refuses a page size out of bounds', async () => {
    await expect(service.gapQueue('gq', PERIOD, { first: 101 }, 'analyst')).rejects.toThrow('first must be 1…100');
    await expect(service.gapQueue('gq', PERIOD, { first: 0 }, 'analyst')).rejects.toThrow('first must be 1…100');
  });

  it('builds the SQL it runs (snapshot)', () => {
    const repository = new GapQueueRepository(db, coverageReader(db));
    const after = ['-0.5', '0', '-5000', '-900', '1741780800000', 'q5'] as const;
    const filter = { ...PERIOD, channels: ['twitter'] };
    expect(repository.buildCandidates('gq', filter, NOW, 21, [...after], SNAPSHOT_COVERAGE)).toMatchSnapshot();
    const candidates = [
      {
        interaction_id: 'q3',
        customer_id: 'k2',
        created_at: '2025-03-11 09:00:00.000',
        rank_sentiment: -0.5,
        from_rollup: true,
      },
      {
        interaction_id: 'q4',
        customer_id: 'k3',
        created_at: '2025-03-11 09:00:00.000',
        rank_sentiment: -0.5,
        from_rollup: true,
      },
      {
        interaction_id: 'q9',
        customer_id: 'k3',
        created_at: '2025-03-12 10:30:00.000',
        rank_sentiment: 0,
        from_rollup: false,
      },
    ];
    const page = repository.buildPage('gq', filter, NOW, 21, [...after], candidates, ['k3'], SNAPSHOT_COVERAGE);
    expect(page.query).toMatchSnapshot();
    expect(page.params).toMatchSnapshot();
    expect(repository.buildCount('gq', PERIOD, NOW, SNAPSHOT_COVERAGE).query).toMatchSnapshot();
  });

  // The missed_daily rollup (migration 0024) must give the candidates the rows give.
  const NO_MISSED_ROLLUP = { runs: [] };

  async function candidatesBothWays(filter: AnalyticsFilter, limit: number, after: GapQueuePosition | null) {
    const repository = new GapQueueRepository(db, coverageReader(db));
    const coverage = await readInboundCoverage(db, 'gq');
    const run = async (c: InboundCoverage) => {
      const { query, params } = repository.buildCandidates('gq', filter, NOW, limit, after, c);
      const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
      const ids = (await result.json<{ interaction_id: string }>()).map((r) => r.interaction_id).sort();
      return { ids, rollup: params.use_rollup };
    };
    const rows = await run({ ...coverage, missed: NO_MISSED_ROLLUP });
    expect(rows.rollup).toBe(false);
    return { hybrid: await run(coverage), rows: rows.ids };
  }

  it('finds candidates of whole days in the missed rollup, as the rows give them', async () => {
    const cursors: (GapQueuePosition | null)[] = [
      null,
      ['-0.8', '1', '0', '-900', '1741687200000', 'q2'],
      ['0', '1', '0', '0', '0', 'q7'],
    ];
    for (const after of cursors) {
      for (const limit of [1, 2, 4, 20]) {
        for (const filter of [
          PERIOD,
          { ...PERIOD, channels: ['twitter'], segments: ['consumer'] },
          { ...PERIOD, publicOnly: true, sentiments: ['negative' as const] },
          // Partial first day (from the rows) and a day after the SLA cutoff's.
          { from: new Date('2025-03-12T10:30:00Z'), to: NOW },
        ]) {
          const { hybrid, rows } = await candidatesBothWays(filter, limit, after);
          expect(hybrid.rollup).toBe(true);
          expect(hybrid.ids).toEqual(rows);
        }
      }
    }
    const { hybrid } = await candidatesBothWays(PERIOD, 2, null);
    // The two lowest sentiments (−0.8) and nothing tied above them.
    expect(hybrid.ids).toEqual(['q1', 'q2']);
    // An agents narrowing: the rollup has no agent, so the rows.
    const agents = await candidatesBothWays({ ...PERIOD, agents: [''] }, 20, null);
    expect(agents.hybrid.rollup).toBe(false);
    expect(agents.hybrid.ids).toEqual(agents.rows);
  });

  // A page's details come from missed_daily (migration 0030) for the rollup's candidates: the same page as the rows'.
  async function pageBothWays(filter: AnalyticsFilter, limit: number, after: GapQueuePosition | null) {
    const repository = new GapQueueRepository(db, coverageReader(db));
    const coverage = await readInboundCoverage(db, 'gq');
    const run = async (c: InboundCoverage) => {
      const built = repository.buildCandidates('gq', filter, NOW, limit, after, c);
      const candidates = await (
        await db.client.query({ query: built.query, query_params: built.params, format: 'JSONEachRow' })
      ).json<GapQueueCandidate>();
      const page = repository.buildPage('gq', filter, NOW, limit, after, candidates, ['k1', 'k3'], c);
      const rows = await (
        await db.client.query({ query: page.query, query_params: page.params, format: 'JSONEachRow' })
      ).json<Record<string, unknown>>();
      return { rows, fromRollup: candidates.filter((x) => x.from_rollup).length };
    };
    return { hybrid: await run(coverage), rows: await run({ ...coverage, missed: NO_MISSED_ROLLUP }) };
  }

  it('reads the details of a page of whole days from the missed rollup, as the rows give them', async () => {
    let fromRollup = 0;
    const cursors: (GapQueuePosition | null)[] = [null, ['-0.8', '1', '0', '-900', '1741687200000', 'q2']];
    for (const after of cursors) {
      for (const limit of [1, 3, 20]) {
        for (const filter of [
          PERIOD,
          { ...PERIOD, channels: ['twitter'] },
          { from: new Date('2025-03-12T10:30:00Z'), to: NOW },
        ]) {
          const { hybrid, rows } = await pageBothWays(filter, limit, after);
          expect(rows.fromRollup).toBe(0);
          expect(hybrid.rows).toEqual(rows.rows);
          fromRollup += hybrid.fromRollup;
        }
      }
    }
    // The rollup's side is read at all.
    expect(fromRollup).toBeGreaterThan(0);
    const { hybrid } = await pageBothWays(PERIOD, 3, null);
    expect(hybrid.rows.map((r) => [r.interaction_id, r.text, r.reach])).toEqual([
      ['q1', 'broken again', '100'],
      ['q2', expect.any(String), null],
      // q3, q4 and q5 tie on sentiment and reach: k1's value (900) first.
      ['q5', expect.any(String), '5000'],
    ]);
  });

  it('drops a message answered by a later load from the queue', async () => {
    const run = await IngestRun.start(db, 'gq', 'later', ['later.ndjson']);
    await run.add('interactions', {
      workspace_id: 'gq',
      interaction_id: 'r2',
      source: 'fixture',
      brand: 'acme',
      channel: 'email',
      direction: 'outbound',
      is_public: false,
      created_at: toClickHouseTime(new Date('2025-03-11T12:00:00Z')),
      thread_id: 'q2',
      parent_id: 'q2',
      author_kind: 'agent',
      author_handle: 'acme',
      author_followers: null,
      customer_id: '',
      agent: 'ann',
      is_automated: false,
      text: 'on it',
      lang: 'en',
      sentiment: null,
      sentiment_source: '',
      topics: [],
      csat: null,
      ingest_run_id: run.runId,
      version: run.version,
    });
    await run.finish();
    const page = await service.gapQueue('gq', PERIOD, { first: 2 }, 'analyst');
    expect(page.nodes.map((n) => n.interactionId)).toEqual(['q1', 'q5']);
    expect(page.totalCount).toBe(7);
    const { hybrid, rows } = await candidatesBothWays(PERIOD, 2, null);
    expect(hybrid.rollup).toBe(true);
    expect(hybrid.ids).toEqual(rows);
  });
});
