import { expectedPurchases, probabilityAlive } from './bgnbd';
import { DAYS_PER_MONTH } from './clv';
import { WORKSPACE_SEGMENT, type CustomerSummary } from './clv-repository';
import { DEFAULT_FIT_SETTINGS, fitSegments } from './fit';
import { expectedAverageValue } from './gamma-gamma';
import { readPublishedSummary } from './testing/cdnow-files';

// CDNOW customers in whole days; segment 'b' spends exactly 20 on every repeat day, which leaves
// the spend model nothing to estimate heterogeneity from.
const customers: CustomerSummary[] = readPublishedSummary().map((r, i) => ({
  customerId: r.id,
  segment: i < 1200 ? 'a' : 'b',
  frequency: r.x,
  recencyDays: Math.round(r.tx * 7),
  tDays: Math.round(r.T * 7),
  monetaryMean: i < 1200 || r.x === 0 ? r.zbar : 20,
  historicalValue: 0,
  firstDay: '1997-01-01',
}));

describe('fitSegments', () => {
  const { runs, predictions } = fitSegments(customers);
  const bySegment = new Map(runs.map((r) => [r.segment, r]));

  it('a segment whose fit is unusable is pooled with the workspace, and says why', () => {
    expect([...bySegment.keys()]).toEqual([WORKSPACE_SEGMENT, 'a', 'b']);
    expect(bySegment.get('a')).toMatchObject({ pooled: false, customers: 1200 });
    const b = bySegment.get('b')!;
    expect(b.pooled).toBe(true);
    expect(b.note).toMatch(/Gamma-Gamma did not converge: workspace-wide fit/);
    expect(b.gammaGamma.params).toEqual(bySegment.get(WORKSPACE_SEGMENT)!.gammaGamma.params);
  });

  it("predicts each customer with its segment's models", () => {
    const c = customers[0]!; // segment a: x = 2, 30.43 of 38.86 weeks
    const { bgnbd, gammaGamma } = bySegment.get('a')!;
    const [tx, T] = [c.recencyDays / 7, c.tDays / 7];
    const p = predictions[0]!;
    expect(p.pAlive).toBeCloseTo(probabilityAlive(bgnbd.params, c.frequency, tx, T), 12);
    expect(p.expectedPurchases).toBeCloseTo(
      expectedPurchases(bgnbd.params, (12 * DAYS_PER_MONTH) / 7, c.frequency, tx, T),
      10,
    );
    expect(p.expectedAvgValue).toBeCloseTo(expectedAverageValue(gammaGamma.params, c.frequency, c.monetaryMean), 10);
    // Discounted at 1 % a month: below the undiscounted value, above it discounted for the whole year.
    const undiscounted = p.expectedPurchases * p.expectedAvgValue;
    expect(p.predictedClv).toBeLessThan(undiscounted);
    expect(p.predictedClv).toBeGreaterThan(undiscounted / 1.01 ** 12);
  });

  it('without discount, CLV is expected purchases × expected value', () => {
    const flat = fitSegments(customers.slice(0, 1200), {
      ...DEFAULT_FIT_SETTINGS,
      monthlyDiscount: 0,
      horizonMonths: 6,
    });
    const p = flat.predictions[5]!;
    expect(p.predictedClv).toBeCloseTo(p.expectedPurchases * p.expectedAvgValue, 9);
  });

  it('an unusable workspace-wide fit only matters to a segment that needs it', () => {
    // Two segments spending on scales 100× apart: each fits, their mixture does not (q <= 1).
    const mixed = customers.map((c, i) => ({
      ...c,
      segment: i % 2 ? 'a' : 'b',
      monetaryMean: i % 2 ? c.monetaryMean : c.monetaryMean * 100,
    }));
    const fit = fitSegments(mixed);
    expect(fit.runs.map((r) => [r.segment, r.pooled])).toEqual([
      [WORKSPACE_SEGMENT, false],
      ['a', false],
      ['b', false],
    ]);
    expect(fit.runs[0]!.note).toMatch(/^unusable: /);
    expect(fit.predictions.every((p) => Number.isFinite(p.predictedClv))).toBe(true);
    // A third, tiny segment would have to fall back on it: a clear error instead of wrong values.
    const withTiny = mixed.map((c, i) => (i < 10 ? { ...c, segment: 'tiny' } : c));
    expect(() => fitSegments(withTiny)).toThrow(/segment "tiny": too small.*workspace-wide fit is unusable/);
  });

  it('refuses data it cannot fit, with the reason', () => {
    expect(() => fitSegments([])).toThrow(/no customers/);
    const noRepeats = customers.filter((c) => c.frequency === 0);
    expect(() => fitSegments(noRepeats)).toThrow(/repeat purchases/);
  });
});
