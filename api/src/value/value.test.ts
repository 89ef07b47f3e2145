import { refreshInboundRollup } from '@resonance/pipelines';
import {
  openTestDatabase,
  readInboundCoverage,
  toClickHouseTime,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { FixedClock, SystemClock } from '../common/clock';
import { loadWorkspace } from '../response/__tests__/analytics-fixture';
import { FilterException } from '../filter/filter.exception';
import { ServiceExperience as X, type ServiceValueReport } from './dto/service-value.model';
import { ValuePopulation } from './dto/value-customer.model';
import { ValueException } from './value.exception';
import { NO_ROLLUP_COVERAGE, ValueRepository } from './value.repository';
import { ValueService } from './value.service';

const NOW = new Date('2025-04-01T00:00:00Z');
const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

// customer → [segment, predicted CLV, frequency, P(alive)]
const VALUES: Record<string, [string, number, number, number]> = {
  c1: ['retail', 100, 2, 0.9],
  c2: ['retail', 60, 1, 0.8],
  c3: ['retail', 20, 0, 1],
  c4: ['retail', 30, 1, 0.5],
  c5: ['retail', 50, 0, 1],
  c6: ['retail', 40, 3, 0.7],
  c7: ['vip', 200, 5, 0.95],
  c8: ['vip', 300, 4, 0.99],
};

let db: Database;
let service: ValueService;
let report: ServiceValueReport;

async function writeRun(workspaceId: string, runId: string, fittedAt: string, clvScale: number) {
  const at = toClickHouseTime(new Date(fittedAt));
  await db.client.insert({
    table: 'model_runs',
    format: 'JSONEachRow',
    values: [
      {
        workspace_id: workspaceId,
        run_id: runId,
        segment: '*',
        model: 'bgnbd',
        parameters: {},
        standard_errors: {},
        log_likelihood: 0,
        customers: 8,
        pooled: false,
        calibration_end: at,
        horizon_months: 12,
        monthly_discount: 0.01,
        data_from: at,
        data_to: at,
        fitted_at: at,
        note: '',
      },
    ],
  });
  await db.client.insert({
    table: 'customer_value',
    format: 'JSONEachRow',
    values: Object.entries(VALUES).map(([customer, [segment, clv, frequency, pAlive]]) => ({
      workspace_id: workspaceId,
      run_id: runId,
      customer_id: customer,
      segment,
      frequency,
      recency_days: 1,
      t_days: 10,
      monetary_mean: 1,
      p_alive: pAlive,
      expected_purchases: 1,
      expected_avg_value: 1,
      predicted_clv: clv * clvScale,
      historical_value: 0,
      computed_at: at,
    })),
  });
}

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'val',
    brands: [
      { brand: 'acme', name: 'Acme', isOwn: true },
      { brand: 'rival', name: 'Rival', isOwn: false },
    ],
    customers: Object.entries(VALUES).map(([id, [segment]]) => ({ id, segment })),
    messages: [
      // c1: first reply after 1 h (fast: within SLA/4 = 6 h).
      { id: 'm1', at: '2025-03-10T10:00:00Z', customer: 'c1' },
      // c2: first reply after exactly 24 h: answered, slow.
      { id: 'm2', at: '2025-03-11T10:00:00Z', customer: 'c2' },
      // c3: negative, never answered: missed and at risk.
      { id: 'm3', at: '2025-03-12T10:00:00Z', customer: 'c3', sentiment: -0.6 },
      // c4: answered fast, then a later neutral message missed: the latest decides.
      { id: 'm4a', at: '2025-03-05T10:00:00Z', customer: 'c4' },
      { id: 'm4b', at: '2025-03-20T10:00:00Z', customer: 'c4', sentiment: 0.2 },
      // c5: answered slow, then a message 12 h old at NOW (pending: decides nothing).
      { id: 'm5a', at: '2025-03-02T10:00:00Z', customer: 'c5' },
      { id: 'm5b', at: '2025-03-31T12:00:00Z', customer: 'c5', sentiment: -0.9 },
      // c7: only wrote to a competitor: no contact with an own brand.
      { id: 'm7', at: '2025-03-15T10:00:00Z', customer: 'c7', brand: 'rival', sentiment: -0.8 },
      // c8: fast; and a message before the period that is ignored.
      { id: 'm8', at: '2025-03-16T10:00:00Z', customer: 'c8' },
      { id: 'm8old', at: '2025-02-16T10:00:00Z', customer: 'c8', sentiment: -0.9 },
    ],
    replies: [
      { id: 'r1', parent: 'm1', at: '2025-03-10T11:00:00Z' },
      { id: 'r2', parent: 'm2', at: '2025-03-12T10:00:00Z' },
      { id: 'r4a', parent: 'm4a', at: '2025-03-05T10:30:00Z' },
      { id: 'r5a', parent: 'm5a', at: '2025-03-03T10:00:00Z' },
      { id: 'r8', parent: 'm8', at: '2025-03-16T10:05:00Z' },
    ],
  });
  // An older run with other values: the latest run is the one read.
  await writeRun('val', 'old-run', '2025-01-01T00:00:00Z', 10);
  await writeRun('val', 'run-2', '2025-02-01T00:00:00Z', 1);
  await loadWorkspace(db, { id: 'unfitted', messages: [{ id: 'u1', at: '2025-03-10T10:00:00Z', customer: 'c1' }] });
  service = new ValueService(
    new ValueRepository(db),
    new FixedClock(NOW),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
  report = await service.serviceValue('val', PERIOD);
});

afterAll(async () => {
  await db?.close();
});

const row = (segment: string, experience: X) =>
  report.rows.find((r) => r.segment === segment && r.experience === experience);

describe('serviceValue', () => {
  it('classifies each customer by their latest decided own-brand message', () => {
    expect(report.runId).toBe('run-2');
    const all = report.rows.filter((r) => r.segment === '').map((r) => [r.experience, r.customers]);
    expect(Object.fromEntries(all)).toEqual({
      [X.NO_CONTACT]: 2, // c6, c7
      [X.ANSWERED_FAST]: 2, // c1, c8
      [X.ANSWERED_SLOW]: 2, // c2, c5
      [X.MISSED]: 2, // c3, c4
    });
  });

  it('means per experience, with bootstrap intervals around them', () => {
    const fast = row('', X.ANSWERED_FAST)!;
    expect(fast.clv.estimate).toBeCloseTo(200, 9); // (100 + 300) / 2
    expect(fast.repeatPurchaseRate.estimate).toBeCloseTo(1, 9);
    expect(fast.retention.estimate).toBeCloseTo(0.945, 9);
    // Two customers: every replicate mean lies between them.
    expect(fast.clv.low).toBeGreaterThanOrEqual(100);
    expect(fast.clv.high).toBeLessThanOrEqual(300);
    expect(fast.clv.low!).toBeLessThan(fast.clv.high!);
    const missed = row('', X.MISSED)!;
    expect(missed.clv.estimate).toBeCloseTo(25, 9); // (20 + 30) / 2
    expect(missed.repeatPurchaseRate.estimate).toBeCloseTo(0.5, 9);
    expect(missed.retention.estimate).toBeCloseTo(0.75, 9);
    expect(row('retail', X.ANSWERED_SLOW)!.clv.estimate).toBeCloseTo(55, 9); // c2 60, c5 50
    expect(row('vip', X.NO_CONTACT)!.customers).toBe(1);
  });

  it('uplift of answered over missed, and value at risk', () => {
    const all = report.uplift.find((u) => u.segment === '')!;
    // Answered: c1 100, c2 60, c5 50, c8 300 → 127.5; missed: c3 20, c4 30 → 25.
    expect(all.clv.estimate).toBeCloseTo(102.5, 9);
    expect(all.clv.low!).toBeLessThanOrEqual(all.clv.high!);
    const retail = report.uplift.find((u) => u.segment === 'retail')!;
    expect(retail.clv.estimate).toBeCloseTo(70 - 25, 9);
    // vip has nobody missed: no uplift to estimate.
    expect(report.uplift.find((u) => u.segment === 'vip')!.clv).toEqual({ estimate: null, low: null, high: null });
    // Only c3's missed message is negative (c5's negative one is pending; c7's went to a competitor; c8's is before the period).
    expect(report.customersAtRisk).toBe(1);
    expect(report.valueAtRisk).toBeCloseTo(20, 9);
  });

  it('CLV distribution per segment', () => {
    const retail = report.distribution.find((d) => d.segment === 'retail')!;
    expect(retail.customers).toBe(6);
    // [20, 30, 40, 50, 60, 100]: median 45, 10th percentile 25.
    expect(retail.quantiles[2]).toBeCloseTo(45, 9);
    expect(retail.quantiles[0]).toBeCloseTo(25, 9);
  });

  it('is deterministic and follows the segment filter', async () => {
    const again = await service.serviceValue('val', PERIOD);
    expect(again).toEqual(report);
    const vip = await service.serviceValue('val', { ...PERIOD, segments: ['vip'] });
    expect(vip.rows.filter((r) => r.segment === '').map((r) => r.customers)).toEqual([1, 1]);
    expect(vip.valueAtRisk).toBe(0);
  });

  it('top customers at risk: a missed negative message, most valuable first', async () => {
    // Make c4's missed message negative too: c4 (CLV 30) then c3 (CLV 20).
    await loadWorkspace(db, {
      id: 'val',
      messages: [{ id: 'm4c', at: '2025-03-21T10:00:00Z', customer: 'c4', sentiment: -0.3, channel: 'email' }],
    });
    const atRisk = await service.customersAtRisk('val', PERIOD);
    expect(atRisk.map((c) => [c.customerId, c.predictedClv, c.missedNegativeMessages])).toEqual([
      ['c4', 30, 1],
      ['c3', 20, 1],
    ]);
    expect(atRisk[0]).toMatchObject({ lastInteractionId: 'm4c', lastChannel: 'email', pAlive: 0.5, segment: 'retail' });
    expect(atRisk[0]!.lastMissedAt.toISOString()).toBe('2025-03-21T10:00:00.000Z');
    expect(await service.customersAtRisk('val', PERIOD, 1)).toHaveLength(1);
    await expect(service.customersAtRisk('val', PERIOD, 0)).rejects.toThrow(ValueException);
  });

  it('cohort retention by experience: share of each first-purchase-month cohort buying k months later', async () => {
    const purchase = (id: string, customer: string, at: string, kind = 'purchase') => ({
      workspace_id: 'val',
      transaction_id: id,
      customer_id: customer,
      occurred_at: toClickHouseTime(new Date(at)),
      kind,
      amount: '10',
      currency: 'EUR',
      source: 'test',
      ingest_run_id: 'test',
      version: 1,
    });
    await db.client.insert({
      table: 'transactions',
      format: 'JSONEachRow',
      values: [
        // c1 (answered fast): January cohort, buys again in February and March.
        purchase('t1', 'c1', '2025-01-05T10:00:00Z'),
        purchase('t2', 'c1', '2025-02-10T10:00:00Z'),
        purchase('t3', 'c1', '2025-03-03T10:00:00Z'),
        // c2 (answered slow): January, skips February, March; a refund in February is no purchase.
        purchase('t4', 'c2', '2025-01-20T10:00:00Z'),
        purchase('t5', 'c2', '2025-02-20T10:00:00Z', 'refund'),
        purchase('t6', 'c2', '2025-03-01T10:00:00Z'),
        // c4 (missed): January only. c3 (missed): February cohort.
        purchase('t7', 'c4', '2025-01-07T10:00:00Z'),
        purchase('t8', 'c3', '2025-02-01T10:00:00Z'),
        // c6: cohort before the period, left out.
        purchase('t9', 'c6', '2024-12-01T10:00:00Z'),
      ],
    });
    const curves = await service.cohortRetention('val', { from: new Date('2025-01-01T00:00:00Z'), to: PERIOD.to });
    const byKey = Object.fromEntries(curves.map((c) => [`${c.cohort} ${c.experience}`, [c.customers, c.retention]]));
    expect(byKey).toEqual({
      [`2025-01 ${X.ANSWERED_FAST}`]: [1, [1, 1, 1]],
      [`2025-01 ${X.ANSWERED_SLOW}`]: [1, [1, 0, 1]],
      [`2025-01 ${X.MISSED}`]: [1, [1, 0, 0]],
      [`2025-02 ${X.MISSED}`]: [1, [1, 0]],
    });
  });

  it('before any CLV run: an empty report; bad sample counts are refused', async () => {
    const empty = await service.serviceValue('unfitted', PERIOD);
    expect(empty).toMatchObject({ runId: null, rows: [], distribution: [], valueAtRisk: 0, customersAtRisk: 0 });
    await expect(service.serviceValue('val', PERIOD, 10)).rejects.toThrow(ValueException);
    await expect(service.serviceValue('val', PERIOD, 2.5)).rejects.toThrow(/whole number/);
  });
});

// After serviceValue's tests: c4 has a second missed message, and the cohort test's purchases are loaded.
describe('valueCustomers: the customers behind a value figure', () => {
  const list = async (
    population: ValuePopulation,
    filter: Partial<Parameters<ValueService['valueCustomers']>[1]>,
    page: { first?: number; after?: string | null } = {},
    period = PERIOD,
  ) => service.valueCustomers('val', { ...period, ...filter }, population, page);

  it("lists the CLV run's customers of an experience, as many as serviceValue's base", async () => {
    const missed = await list(ValuePopulation.CLV_RUN, { experiences: [X.MISSED] });
    expect(missed.totalCount).toBe(row('', X.MISSED)!.customers);
    expect(missed.nodes).toEqual([
      {
        customerId: 'c3',
        segment: 'retail',
        experience: X.MISSED,
        cohort: null,
        predictedClv: 20,
        pAlive: 1,
        historicalValue: 0,
      },
      {
        customerId: 'c4',
        segment: 'retail',
        experience: X.MISSED,
        cohort: null,
        predictedClv: 30,
        pAlive: 0.5,
        historicalValue: 0,
      },
    ]);
    for (const experience of Object.values(X)) {
      const base = report.rows.find((r) => r.segment === '' && r.experience === experience)?.customers ?? 0;
      expect((await list(ValuePopulation.CLV_RUN, { experiences: [experience] })).totalCount).toBe(base);
    }
    // Without a narrowing, every customer of the run; with a segment, that segment's.
    expect((await list(ValuePopulation.CLV_RUN, {})).totalCount).toBe(8);
    const vip = await list(ValuePopulation.CLV_RUN, { segments: ['vip'], experiences: [X.NO_CONTACT] });
    expect(vip.nodes.map((c) => c.customerId)).toEqual(['c7']);
  });

  it('pages by customer id and keeps the total on every page', async () => {
    const first = await list(
      ValuePopulation.CLV_RUN,
      { experiences: [X.ANSWERED_FAST, X.ANSWERED_SLOW] },
      { first: 3 },
    );
    expect(first.nodes.map((c) => c.customerId)).toEqual(['c1', 'c2', 'c5']);
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await list(
      ValuePopulation.CLV_RUN,
      { experiences: [X.ANSWERED_FAST, X.ANSWERED_SLOW] },
      { first: 3, after: first.pageInfo.endCursor },
    );
    expect(second.nodes.map((c) => c.customerId)).toEqual(['c8']);
    expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
    const past = await list(
      ValuePopulation.CLV_RUN,
      { experiences: [X.ANSWERED_FAST, X.ANSWERED_SLOW] },
      { first: 3, after: second.pageInfo.endCursor },
    );
    expect(past).toMatchObject({ nodes: [], totalCount: 4 });
  });

  it("lists a cohort's customers of an experience, as many as the cohort curve's base", async () => {
    const period = { from: new Date('2025-01-01T00:00:00Z'), to: PERIOD.to };
    // Cohorts (cohort test above): January c1 fast, c2 slow, c4 missed; February c3 missed.
    const missed = await list(ValuePopulation.PURCHASE_COHORTS, { experiences: [X.MISSED] }, {}, period);
    expect(missed.nodes.map((c) => [c.customerId, c.cohort, c.segment, c.predictedClv])).toEqual([
      ['c3', '2025-02', 'retail', 20],
      ['c4', '2025-01', 'retail', 30],
    ]);
    expect(missed.totalCount).toBe(2);
    const january = await list(
      ValuePopulation.PURCHASE_COHORTS,
      { experiences: [X.MISSED], cohorts: ['2025-01'] },
      {},
      period,
    );
    expect(january.nodes.map((c) => c.customerId)).toEqual(['c4']);
    const curves = await service.cohortRetention('val', period);
    for (const curve of curves) {
      const drilled = await list(
        ValuePopulation.PURCHASE_COHORTS,
        { experiences: [curve.experience], cohorts: [curve.cohort] },
        {},
        period,
      );
      expect([curve.cohort, curve.experience, drilled.totalCount]).toEqual([
        curve.cohort,
        curve.experience,
        curve.customers,
      ]);
    }
    // c6's cohort (December) starts before the period.
    expect((await list(ValuePopulation.PURCHASE_COHORTS, {}, {}, period)).totalCount).toBe(4);
  });

  it('refuses cohorts of the CLV run, and malformed narrowings', async () => {
    await expect(list(ValuePopulation.CLV_RUN, { cohorts: ['2025-01'] })).rejects.toThrow(FilterException);
    await expect(list(ValuePopulation.PURCHASE_COHORTS, { cohorts: ['January'] })).rejects.toThrow(/not a month/);
    await expect(list(ValuePopulation.CLV_RUN, { experiences: ['delighted' as X] })).rejects.toThrow(
      /unknown service experience/,
    );
  });

  it('builds the SQL it runs (snapshot)', () => {
    const filter = {
      ...PERIOD,
      channels: ['email'],
      segments: ['retail'],
      experiences: ['missed' as const],
      cohorts: ['2025-01'],
    };
    const repository = new ValueRepository(db);
    expect(
      repository.buildCustomerList('val', filter, ValuePopulation.PURCHASE_COHORTS, 'c1', 50, NOW),
    ).toMatchSnapshot();
    const run = { ...filter, cohorts: undefined };
    expect(repository.buildCustomerList('val', run, ValuePopulation.CLV_RUN, null, 50, NOW)).toMatchSnapshot();
  });
});

describe('service effects SQL', () => {
  it('puts the interaction filter on contacts and the customer filter on purchases', () => {
    const filter = { ...PERIOD, brands: ['acme'], channels: ['email'], segments: ['retail'] };
    expect(new ValueRepository(db).buildServiceEffects('val', filter, NOW)).toMatchSnapshot();
  });
});

// Last: the rollup pass sees the messages loaded so far; a later direct insert would not be in it.
describe('service experience, customers at risk and purchase months from rollups (migrations 0023, 0026, 0027)', () => {
  /** Numbers to 12 significant digits: sums over the rollup and the rows may add in another order. */
  const rounded = (rows: unknown[]): unknown =>
    JSON.parse(JSON.stringify(rows), (_key, value: unknown) =>
      typeof value === 'number' ? Number(value.toPrecision(12)) : value,
    );

  async function both(build: (coverage: InboundCoverage) => { query: string; params: Record<string, unknown> }) {
    const run = async (coverage: InboundCoverage) => {
      const { query, params } = build(coverage);
      const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
      return { rows: rounded(await result.json()), rollup: params.use_rollup };
    };
    const coverage = await readInboundCoverage(db, 'val');
    return { hybrid: await run(coverage), rows: await run(NO_ROLLUP_COVERAGE) };
  }

  it('gives the figures and lists of the rows, for every filter', async () => {
    await refreshInboundRollup(db, 'val', { generation: Date.now() * 1000 });
    const repository = new ValueRepository(db);
    const filters: [AnalyticsFilter, boolean][] = [
      [PERIOD, true],
      [{ ...PERIOD, segments: ['vip'] }, true],
      [{ ...PERIOD, brands: ['acme'], channels: ['email', 'twitter'] }, true],
      [{ ...PERIOD, publicOnly: true }, true],
      [{ ...PERIOD, agents: ['ann'] }, true],
      // The rollup has no hour: the rows give the whole period.
      [{ ...PERIOD, hoursOfWeek: [10, 34, 58] }, false],
      // Starts and ends inside a day; the last whole days are younger than the SLA.
      [{ from: new Date('2025-03-04T12:00:00Z'), to: new Date('2025-03-31T18:00:00Z') }, true],
      // The cohorts of January on: purchases from the rollup up to the period's last day.
      [{ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-03-10T15:00:00Z') }, true],
    ];
    for (const [filter, served] of filters) {
      const value = await both((c) => repository.build('val', filter, NOW, c));
      expect(value.hybrid.rollup).toBe(served);
      expect(value.rows.rollup).toBe(false);
      expect(value.hybrid.rows).toEqual(value.rows.rows);
      const atRisk = await both((c) => repository.buildCustomersAtRisk('val', filter, NOW, 100, c));
      expect(atRisk.hybrid.rows).toEqual(atRisk.rows.rows);
      const cohorts = await both((c) => repository.buildCohortRetention('val', filter, NOW, c));
      expect(cohorts.hybrid.rows).toEqual(cohorts.rows.rows);
      // Service effects read customer_contacts_daily for the same filters. This fixture has no
      // customer who bought under two experiences (its answer is empty either way), so the figures
      // are compared in service-effects.test.ts, whose fixture has five.
      const effects = repository.buildServiceEffects('val', filter, NOW, await readInboundCoverage(db, 'val'));
      expect(effects.params.use_rollup).toBe(served);
      // Every purchase day before the period's last from the purchase rollup.
      const purchases = repository.buildCohortRetention('val', filter, NOW, await readInboundCoverage(db, 'val'));
      expect(purchases.params.cp_use_rollup).toBe(true);
      for (const population of [ValuePopulation.CLV_RUN, ValuePopulation.PURCHASE_COHORTS]) {
        const list = await both((c) => repository.buildCustomerList('val', filter, population, null, 100, NOW, c));
        expect(list.hybrid.rows).toEqual(list.rows.rows);
      }
    }
    // Customers at risk from the rollup's days: c3 (m3) and c4 (m4c), as from the rows.
    const coverage = await readInboundCoverage(db, 'val');
    const atRisk = repository.buildCustomersAtRisk('val', PERIOD, NOW, 100, coverage);
    expect(atRisk.params.use_rollup).toBe(true);
    const result = await db.client.query({ query: atRisk.query, query_params: atRisk.params, format: 'JSONEachRow' });
    expect((await result.json<{ customer_id: string }>()).map((r) => r.customer_id)).toEqual(['c4', 'c3']);
    // Through the service, which reads the coverage itself: every customer of the run has an experience.
    const period = { from: new Date('2025-01-01T00:00:00Z'), to: PERIOD.to };
    const fresh = new ValueService(
      new ValueRepository(db),
      new FixedClock(NOW),
      new ResultCache(new DataVersionRepository(db), new SystemClock(), { maxEntries: 0, ttlMs: 0 }),
    );
    expect((await fresh.cohortRetention('val', period)).length).toBeGreaterThan(0);
    const all = (await fresh.serviceValue('val', PERIOD)).rows.filter((r) => r.segment === '');
    expect(all.reduce((n, r) => n + r.customers, 0)).toBe(8);
  });
});
