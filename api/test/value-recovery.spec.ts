import { DEMO_TRUE_EFFECTS, loadDemoWorkspace, type Experience } from '@resonance/pipelines';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { ResultCache } from '../src/cache/result-cache';
import { openTestDatabase, type Database } from '@resonance/sql';
import { FixedClock } from '../src/common/clock';
import { FilterService } from '../src/filter/filter.service';
import { PurchaseExperience, type ServiceEffectsReport } from '../src/value/dto/service-effects.model';
import { ServiceEffectsService } from '../src/value/service-effects.service';
import { ValueException } from '../src/value/value.exception';
import { ValueRepository } from '../src/value/value.repository';
import { WorkspaceRepository } from '../src/workspace/workspace.repository';

/**
 * Issue 5: on the demo workspace the analysis recovers the effect the generator planted. The
 * generator multiplies every later order by DEMO_TRUE_EFFECTS.spendMultiplier of the customer's
 * latest experience; serviceEffects estimates exactly those ratios to no contact.
 */
const NOW = new Date('2026-11-22T12:00:00Z');
// The longest period a query may cover, ending at the demo's `now`: its 18 months of messages and
// the purchases of customers acquired before them.
const PERIOD = { from: new Date('2023-11-23T00:00:00Z'), to: NOW };
const CUSTOMERS = 10_000;
const PLANTED = DEMO_TRUE_EFFECTS.spendMultiplier;
const GENERATOR_NAME: Record<PurchaseExperience, Experience> = {
  [PurchaseExperience.NO_CONTACT]: 'none',
  [PurchaseExperience.ANSWERED_FAST]: 'answered_fast',
  [PurchaseExperience.ANSWERED_SLOW]: 'answered_slow',
  [PurchaseExperience.MISSED]: 'missed',
  [PurchaseExperience.MISSED_NEGATIVE]: 'missed_negative',
};

let db: Database;
let service: ServiceEffectsService;
let report: ServiceEffectsReport;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadDemoWorkspace(db, { workspaceId: 'demo', customers: CUSTOMERS, now: NOW });
  // No caching: every call below must compute (repeat runs are compared).
  const cache = new ResultCache(new DataVersionRepository(db), new FixedClock(NOW), { maxEntries: 0, ttlMs: 0 });
  service = new ServiceEffectsService(
    new ValueRepository(db),
    new FilterService(new WorkspaceRepository(db), cache),
    new FixedClock(NOW),
    cache,
  );
  report = await service.serviceEffects('demo', PERIOD);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const effect = (experience: PurchaseExperience) => report.effects.find((e) => e.experience === experience)!;

describe('serviceEffects on the demo workspace', () => {
  it.each([
    PurchaseExperience.ANSWERED_FAST,
    PurchaseExperience.ANSWERED_SLOW,
    PurchaseExperience.MISSED,
    PurchaseExperience.MISSED_NEGATIVE,
  ])('%s: the planted spend multiplier ÷ that of no contact lies in the 95%% interval', (experience) => {
    const planted = PLANTED[GENERATOR_NAME[experience]] / PLANTED.none;
    const { estimate, low, high, customers, purchases } = effect(experience);
    expect(customers).toBeGreaterThan(100);
    expect(purchases).toBeGreaterThanOrEqual(customers);
    expect(low!).toBeLessThan(estimate!);
    expect(estimate!).toBeLessThan(high!);
    expect(planted).toBeGreaterThanOrEqual(low!);
    expect(planted).toBeLessThanOrEqual(high!);
  });

  it('answered fast against missed negative: the right sign, and the planted ratio in the interval', () => {
    const fast = effect(PurchaseExperience.ANSWERED_FAST).estimate!;
    const missedNegative = effect(PurchaseExperience.MISSED_NEGATIVE).estimate!;
    expect(fast).toBeGreaterThan(missedNegative);
    const uplift = report.upliftFastOverMissedNegative;
    expect(uplift.estimate).toBeCloseTo(fast / missedNegative, 9);
    // The interval excludes "no difference": the sign is not an accident of the sample.
    expect(uplift.low!).toBeGreaterThan(1);
    const planted = PLANTED.answered_fast / PLANTED.missed_negative;
    expect(planted).toBeGreaterThanOrEqual(uplift.low!);
    expect(planted).toBeLessThanOrEqual(uplift.high!);
  });

  it('no contact is the reference; the counts add up', () => {
    expect(effect(PurchaseExperience.NO_CONTACT)).toMatchObject({ estimate: 1, low: 1, high: 1 });
    const perExperience = report.effects.map((e) => e.customers);
    // Every informative customer bought under two experiences or more.
    expect(perExperience.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 * report.customers);
    expect(Math.max(...perExperience)).toBeLessThanOrEqual(report.customers);
    expect(report.bootstrapSamples).toBe(200);
  });

  it('is deterministic (seeded bootstrap) and refuses bad sample counts', async () => {
    const again = await service.serviceEffects('demo', PERIOD);
    // ClickHouse may add the replicate sums in another order: equal up to rounding.
    const figures = (r: ServiceEffectsReport) =>
      [...r.effects, r.upliftFastOverMissedNegative].flatMap((e) => [e.estimate!, e.low!, e.high!]);
    const first = figures(report);
    figures(again).forEach((value, i) => expect(value).toBeCloseTo(first[i]!, 9));
    expect(again.effects.map((e) => e.purchases)).toEqual(report.effects.map((e) => e.purchases));
    await expect(service.serviceEffects('demo', PERIOD, 10)).rejects.toThrow(ValueException);
  });

  it('a workspace without purchases has no estimates', async () => {
    const empty = await service.serviceEffects('nobody', PERIOD);
    expect(empty.customers).toBe(0);
    expect(empty.effects.every((e) => e.estimate === null && e.customers === 0)).toBe(true);
    expect(empty.upliftFastOverMissedNegative).toEqual({ estimate: null, low: null, high: null });
  });
});
