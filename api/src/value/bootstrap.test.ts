import { combine, differenceInterval, meanInterval, percentile, type MeanSample } from './bootstrap';

const sample = (customers: number, total: number, n: number[], totals: number[]): MeanSample => ({
  customers,
  total,
  replicateCustomers: n,
  replicateTotals: totals,
});

describe('bootstrap intervals', () => {
  it('percentile interpolates between order statistics and skips non-finite values', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, NaN, 3], 1)).toBe(3);
    expect(percentile([NaN], 0.5)).toBeNull();
  });

  it('mean interval from replicate sums; a replicate that drew nobody is skipped', () => {
    // Replicate means 10, 20, (none), 30.
    const s = sample(2, 40, [1, 1, 0, 2], [10, 20, 0, 60]);
    const i = meanInterval(s);
    expect(i.estimate).toBe(20);
    expect(i.low).toBeCloseTo(10.5, 9); // position 0.05 between 10 and 20
    expect(i.high).toBeCloseTo(29.5, 9); // position 1.95 between 20 and 30
    expect(meanInterval(sample(0, 0, [0], [0]))).toEqual({ estimate: null, low: null, high: null });
  });

  it('combines groups by adding, and differences replicate by replicate', () => {
    const a = sample(1, 10, [1, 2], [10, 20]);
    const b = sample(1, 30, [1, 0], [30, 0]);
    const both = combine([a, b], 2);
    expect(both).toEqual(sample(2, 40, [2, 2], [40, 20]));
    const d = differenceInterval(a, b);
    expect(d.estimate).toBe(-20);
    // Replicate 2 of b drew nobody: only replicate 1 (10 − 30) counts.
    expect([d.low, d.high]).toEqual([-20, -20]);
  });
});
