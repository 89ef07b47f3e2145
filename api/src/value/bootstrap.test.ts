import { combine, differenceInterval, meanInterval, percentile, replicateSums, type MeanSample } from './bootstrap';

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

describe('replicate sums from block sums', () => {
  it('weighs each block by its weight in each replicate', () => {
    // Block 0 weighs 1, 0, 2 in replicates 0-2; block 2 weighs 3, 1, 0 (a fourth weight is unused).
    const weights = [Uint8Array.from([1, 0, 2, 9]), Uint8Array.from([5, 5, 5, 5]), Uint8Array.from([3, 1, 0, 9])];
    const sums = replicateSums(
      [
        [0, 10, 1.5],
        [2, 4, 0.25],
      ],
      weights,
      3,
      2,
    );
    expect(sums).toEqual([
      [1 * 10 + 3 * 4, 0 * 10 + 1 * 4, 2 * 10 + 0 * 4],
      [1 * 1.5 + 3 * 0.25, 0 * 1.5 + 1 * 0.25, 2 * 1.5 + 0 * 0.25],
    ]);
    expect(replicateSums([], weights, 3, 2)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('refuses a block without weights for every replicate', () => {
    expect(() => replicateSums([[7, 1]], [Uint8Array.from([1])], 1, 1)).toThrow(/block 7/);
    expect(() => replicateSums([[0, 1]], [Uint8Array.from([1])], 2, 1)).toThrow(/2 replicates/);
    expect(() => replicateSums([[0, 1, 2]], [Uint8Array.from([1])], 1, 1)).toThrow(/2 measures/);
  });
});
