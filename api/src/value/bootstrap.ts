/**
 * Poisson-bootstrap intervals from replicate sums. The SQL gives, per group, each replicate's
 * weighted customer count and weighted sum of a measure; a replicate's mean is sum ÷ count, and
 * the 95% interval is the 2.5th and 97.5th percentiles of the replicate means. Groups combine by
 * adding, because a customer keeps the same weights wherever it is counted.
 */
export interface MeanSample {
  customers: number;
  /** Sum of the measure over the customers: the point estimate is total ÷ customers. */
  total: number;
  /** Per replicate: weighted customers and weighted sum. */
  replicateCustomers: number[];
  replicateTotals: number[];
}

export interface Interval {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** Linear interpolation between order statistics, over the finite values only. */
export function percentile(values: readonly number[], q: number): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** A replicate that drew nobody has no mean: NaN, which percentile() skips. */
function replicateMeans(s: MeanSample): number[] {
  return s.replicateTotals.map((total, b) => (s.replicateCustomers[b]! > 0 ? total / s.replicateCustomers[b]! : NaN));
}

function interval(estimate: number | null, replicates: readonly number[]): Interval {
  if (estimate === null || !Number.isFinite(estimate)) return { estimate: null, low: null, high: null };
  return { estimate, low: percentile(replicates, 0.025), high: percentile(replicates, 0.975) };
}

/** The mean and its 95% bootstrap interval; all null without customers. */
export function meanInterval(s: MeanSample): Interval {
  return interval(s.customers > 0 ? s.total / s.customers : null, replicateMeans(s));
}

/** mean(a) − mean(b) with its 95% bootstrap interval (replicate b of the difference: mean_b(a) − mean_b(b)). */
export function differenceInterval(a: MeanSample, b: MeanSample): Interval {
  if (a.customers === 0 || b.customers === 0) return { estimate: null, low: null, high: null };
  const ma = replicateMeans(a);
  const mb = replicateMeans(b);
  return interval(
    a.total / a.customers - b.total / b.customers,
    ma.map((v, i) => v - mb[i]!),
  );
}

export function combine(parts: readonly MeanSample[], samples: number): MeanSample {
  const out: MeanSample = {
    customers: 0,
    total: 0,
    replicateCustomers: new Array<number>(samples).fill(0),
    replicateTotals: new Array<number>(samples).fill(0),
  };
  for (const p of parts) {
    out.customers += p.customers;
    out.total += p.total;
    for (let b = 0; b < samples; b++) {
      out.replicateCustomers[b]! += p.replicateCustomers[b] ?? 0;
      out.replicateTotals[b]! += p.replicateTotals[b] ?? 0;
    }
  }
  return out;
}

/**
 * The replicate sums of a group from its sums per block of customers (value/service_value.sql):
 * for each measure m and replicate b, the sum over the blocks of the block's weight in b times its
 * measure m. A block is [block, measure 1, measure 2, …]; weights[block] holds the block's weight
 * in each replicate (value/bootstrap_weights.sql), at least `samples` of them. One array a measure.
 */
export function replicateSums(
  blocks: readonly (readonly number[])[],
  weights: readonly Uint8Array[],
  samples: number,
  measures: number,
): number[][] {
  const sums = Array.from({ length: measures }, () => new Float64Array(samples));
  for (const block of blocks) {
    const w = weights[block[0]!];
    if (!w || w.length < samples)
      throw new Error(`no bootstrap weights for block ${block[0]} in ${samples} replicates`);
    if (block.length !== measures + 1) throw new Error(`a block holds ${block.length - 1} measures, not ${measures}`);
    for (let m = 0; m < measures; m++) {
      const value = block[m + 1]!;
      const out = sums[m]!;
      for (let b = 0; b < samples; b++) out[b]! += w[b]! * value;
    }
  }
  return sums.map((s) => Array.from(s));
}
