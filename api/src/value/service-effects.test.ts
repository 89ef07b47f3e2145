import { refreshInboundRollup } from '@resonance/pipelines';
import { openTestDatabase, readInboundCoverage, toClickHouseTime, type AnalyticsFilter, type Database } from '@resonance/sql';
import { DataVersionRepository } from '../cache/data-version.repository';
import { ResultCache } from '../cache/result-cache';
import { FixedClock } from '../common/clock';
import { loadWorkspace, filterService } from '../response/__tests__/analytics-fixture';
import { PurchaseExperience as X, type ServiceEffectsReport } from './dto/service-effects.model';
import { ServiceEffectsService } from './service-effects.service';
import { NO_ROLLUP_COVERAGE, ValueRepository } from './value.repository';

const NOW = new Date('2025-04-01T00:00:00Z');
const PERIOD = { from: new Date('2025-01-01T00:00:00Z'), to: NOW };

let db: Database;
let service: ServiceEffectsService;
let report: ServiceEffectsReport;

const transaction = (id: string, customer: string, at: string, amount: number, kind = 'purchase') => ({
  workspace_id: 'fx',
  transaction_id: id,
  customer_id: customer,
  occurred_at: toClickHouseTime(new Date(at)),
  kind,
  amount: String(amount),
  currency: 'USD',
  source: 'test',
  ingest_run_id: 'test',
  version: 1,
});

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'fx',
    brands: [
      { brand: 'acme', name: 'Acme', isOwn: true },
      { brand: 'rival', name: 'Rival', isOwn: false },
    ],
    customers: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((id) => ({ id, segment: 'retail' })),
    messages: [
      // c1, c2: answered within SLA/4 = 6 h.
      { id: 'm1', at: '2025-02-10T10:00:00Z', customer: 'c1' },
      { id: 'm2', at: '2025-02-10T10:00:00Z', customer: 'c2' },
      // c3: negative, never answered.
      { id: 'm3', at: '2025-02-10T10:00:00Z', customer: 'c3', sentiment: -0.6 },
      // c4: never answered and unscored: negative or not is unknown, its purchases after are left out.
      { id: 'm4', at: '2025-02-10T10:00:00Z', customer: 'c4', sentiment: null },
      // c5: unanswered but 2 h old at NOW: pending decides nothing.
      { id: 'm5', at: '2025-03-31T22:00:00Z', customer: 'c5', sentiment: -0.9 },
      // c6: a missed negative message to a competitor is not the workspace's service.
      { id: 'm6', at: '2025-02-10T10:00:00Z', customer: 'c6', brand: 'rival', sentiment: -0.9 },
      // c7: answered after 30 h: slow.
      { id: 'm7', at: '2025-02-10T10:00:00Z', customer: 'c7' },
      // c8: only a bot acknowledged it (not a reply): missed, not negative.
      { id: 'm8', at: '2025-02-10T10:00:00Z', customer: 'c8', sentiment: 0.3 },
    ],
    replies: [
      { id: 'r1', parent: 'm1', at: '2025-02-10T11:00:00Z' },
      { id: 'r2', parent: 'm2', at: '2025-02-10T15:00:00Z' },
      { id: 'r7', parent: 'm7', at: '2025-02-11T16:00:00Z' },
      { id: 'r8', parent: 'm8', at: '2025-02-10T10:00:05Z', bot: true },
    ],
  });
  await db.client.insert({
    table: 'transactions',
    format: 'JSONEachRow',
    values: [
      // One purchase before the contact and one after: the customer's log ratio.
      transaction('t1a', 'c1', '2025-01-05T10:00:00Z', 100),
      transaction('t1b', 'c1', '2025-02-20T10:00:00Z', 120),
      transaction('t2a', 'c2', '2025-01-05T10:00:00Z', 50),
      transaction('t2b', 'c2', '2025-02-20T10:00:00Z', 55),
      transaction('t3a', 'c3', '2025-01-05T10:00:00Z', 80),
      transaction('t3b', 'c3', '2025-02-20T10:00:00Z', 60),
      // A refund is no purchase.
      transaction('t3c', 'c3', '2025-02-25T10:00:00Z', -60, 'refund'),
      transaction('t4a', 'c4', '2025-01-05T10:00:00Z', 40),
      transaction('t4b', 'c4', '2025-02-20T10:00:00Z', 10),
      transaction('t5a', 'c5', '2025-01-05T10:00:00Z', 100),
      transaction('t5b', 'c5', '2025-03-31T23:00:00Z', 500),
      transaction('t6a', 'c6', '2025-01-05T10:00:00Z', 100),
      transaction('t6b', 'c6', '2025-02-20T10:00:00Z', 300),
      transaction('t7a', 'c7', '2025-01-05T10:00:00Z', 100),
      // Before the reply, after the message: the message's outcome is in force from the message on.
      transaction('t7b', 'c7', '2025-02-10T12:00:00Z', 100),
      transaction('t8a', 'c8', '2025-01-05T10:00:00Z', 200),
      transaction('t8b', 'c8', '2025-02-20T10:00:00Z', 190),
      // Before the period: left out.
      transaction('t8old', 'c8', '2024-12-01T10:00:00Z', 1),
    ],
  });
  service = new ServiceEffectsService(
    new ValueRepository(db),
    filterService(db),
    new FixedClock(NOW),
    // No caching: every call below must compute (repeat runs are compared).
    new ResultCache(new DataVersionRepository(db), new FixedClock(NOW), { maxEntries: 0, ttlMs: 0 }),
  );
  report = await service.serviceEffects('fx', PERIOD, 50);
});

afterAll(async () => {
  await db?.close();
});

const effect = (experience: X) => report.effects.find((e) => e.experience === experience)!;

describe('serviceEffects', () => {
  it('classifies each purchase by the experience in force; only customers with two experiences count', () => {
    // c4 (unscored), c5 (pending), c6 (competitor) have purchases under one experience only.
    expect(report.customers).toBe(5);
    expect(report.effects.map((e) => [e.experience, e.customers, e.purchases])).toEqual([
      [X.NO_CONTACT, 5, 5],
      [X.ANSWERED_FAST, 2, 2],
      [X.ANSWERED_SLOW, 1, 1],
      [X.MISSED, 1, 1],
      [X.MISSED_NEGATIVE, 1, 1],
    ]);
  });

  it('ratios to no contact: the geometric mean of the customers’ ratios', () => {
    expect(effect(X.NO_CONTACT)).toMatchObject({ estimate: 1, low: 1, high: 1 });
    expect(effect(X.ANSWERED_FAST).estimate).toBeCloseTo(Math.sqrt((120 / 100) * (55 / 50)), 9);
    expect(effect(X.ANSWERED_SLOW).estimate).toBeCloseTo(1, 9);
    expect(effect(X.MISSED).estimate).toBeCloseTo(190 / 200, 9);
    expect(effect(X.MISSED_NEGATIVE).estimate).toBeCloseTo(60 / 80, 9);
    // Every replicate draws from c1 and c2 only: its ratio lies between theirs.
    const fast = effect(X.ANSWERED_FAST);
    expect(fast.low!).toBeGreaterThanOrEqual(1.1 - 1e-9);
    expect(fast.high!).toBeLessThanOrEqual(1.2 + 1e-9);
    expect(fast.low!).toBeLessThan(fast.high!);
    expect(report.upliftFastOverMissedNegative.estimate).toBeCloseTo(Math.sqrt(1.2 * 1.1) / 0.75, 9);
  });

  it('the period bounds the purchases; the filter the customers', async () => {
    const march = await service.serviceEffects('fx', { from: new Date('2025-02-01T00:00:00Z'), to: NOW }, 50);
    // No purchase before a contact in the period: nobody has two experiences.
    expect(march.customers).toBe(0);
    expect(march.effects.every((e) => e.estimate === null)).toBe(true);
    const nobody = await service.serviceEffects('fx', { ...PERIOD, segments: ['vip'] }, 50);
    expect(nobody.customers).toBe(0);
  });

  it('weighs each block of customers with its Poisson weight in every replicate', async () => {
    const repository = new ValueRepository(db);
    const filter = { ...PERIOD, brands: ['acme'] };
    const samples = 50;
    const { query, params } = repository.buildServiceEffects('fx', filter, NOW);
    const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    const blocks = await result.json<{ block: number; sums: number[] }>();
    const weights = await repository.bootstrapWeights(samples);
    const replicates = await repository.serviceEffects('fx', filter, NOW, samples);
    // c1, c2, c3, c7 and c8 bought under two experiences: the blocks sum to their contributions.
    expect(replicates[0]).toEqual({
      replicate: 0,
      sums: blocks[0]!.sums.map((_, m) => blocks.reduce((sum, b) => sum + b.sums[m]!, 0)),
    });
    expect(replicates[0]!.sums[30]).toBe(5);
    for (let b = 0; b < samples; b++) {
      const sums = blocks[0]!.sums.map((_, m) =>
        blocks.reduce((sum, k) => sum + weights[k.block]![b]! * k.sums[m]!, 0),
      );
      const replicate = replicates.find((r) => r.replicate === b + 1);
      // A replicate that drew none of the blocks has no row.
      if (sums[30] === 0) expect(replicate).toBeUndefined();
      else expect(replicate?.sums).toEqual(sums);
    }
    expect(replicates.length).toBeGreaterThan(samples / 2);
  });
});

// Last: the rollup pass sees the messages loaded so far.
describe('serviceEffects from the customer_contacts_daily rollup (migration 0032)', () => {
  it('gives the rows’ figures, reading the whole days the rollup holds from it', async () => {
    await refreshInboundRollup(db, 'fx', { generation: Date.now() * 1000 });
    const rolled = await db.client.query({
      query: "SELECT count() AS n FROM customer_contacts_daily WHERE workspace_id = 'fx'",
      format: 'JSONEachRow',
    });
    // The eight opening messages (the replies are outbound).
    expect(await rolled.json()).toEqual([{ n: '8' }]);
    const coverage = await readInboundCoverage(db, 'fx');
    const repository = new ValueRepository(db);
    const run = async (filter: AnalyticsFilter, withRollup: boolean) => {
      const { query, params } = repository.buildServiceEffects('fx', filter, NOW, withRollup ? coverage : NO_ROLLUP_COVERAGE);
      const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
      return { blocks: await result.json<{ block: number; sums: number[] }>(), rollup: params.use_rollup };
    };
    const filters: [AnalyticsFilter, boolean][] = [
      [PERIOD, true],
      [{ ...PERIOD, brands: ['acme'] }, true],
      [{ ...PERIOD, brands: ['acme', 'rival'], channels: ['twitter', 'email'] }, true],
      [{ ...PERIOD, segments: ['retail'] }, true],
      [{ ...PERIOD, publicOnly: true }, true],
      [{ ...PERIOD, sentiments: ['negative'] }, true],
      [{ ...PERIOD, agents: ['ann'] }, true],
      // The rollup has no hour: the rows give the whole history.
      [{ ...PERIOD, hoursOfWeek: [10, 34] }, false],
      // Ends inside a day, and days before the SLA cutoff only.
      [{ from: PERIOD.from, to: new Date('2025-02-20T12:00:00Z') }, true],
    ];
    for (const [filter, served] of filters) {
      const hybrid = await run(filter, true);
      const rows = await run(filter, false);
      expect([hybrid.rollup, rows.rollup]).toEqual([served, false]);
      expect(hybrid.blocks.map((b) => b.block)).toEqual(rows.blocks.map((b) => b.block));
      hybrid.blocks.forEach((b, k) =>
        b.sums.forEach((sum, m) => expect(sum).toBeCloseTo(rows.blocks[k]!.sums[m]!, 9)),
      );
    }
    // Through the service, which reads the coverage itself: the same report after a second rollup build.
    const again = await service.serviceEffects('fx', PERIOD, 50);
    expect(again.customers).toBe(report.customers);
    expect(again.effects.map((e) => [e.experience, e.customers, e.purchases])).toEqual(
      report.effects.map((e) => [e.experience, e.customers, e.purchases]),
    );
    again.effects.forEach((e, k) => expect(e.estimate ?? NaN).toBeCloseTo(report.effects[k]!.estimate ?? NaN, 9));
  });
});
