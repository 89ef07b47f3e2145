/**
 * Per-customer recency-frequency summaries and their grouping. The BG/NBD likelihood depends on a
 * customer only through (x, t_x, T), so customers that share the triple share one term, weighted
 * by their count; a million customers summarised in whole days collapse to far fewer terms.
 */
export interface GroupedRfm {
  /** Repeat purchases (frequency) of each group. */
  x: Float64Array;
  /** Recency: time from the first to the last purchase, in the model's time unit. */
  tx: Float64Array;
  /** Age: time from the first purchase to the end of calibration, in the model's time unit. */
  T: Float64Array;
  /** Customers in each group. */
  weight: Float64Array;
  /** Distinct x values, and for each group the index of its x among them (lets terms in x be computed once). */
  distinctX: Float64Array;
  xIndex: Int32Array;
  /** For each input customer, the index of its group. */
  groupOf: Int32Array;
  customers: number;
}

export class RfmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RfmError';
  }
}

/** Checks one summary row: x a non-negative integer, 0 <= t_x <= T, t_x = 0 when x = 0. */
export function validateRfm(x: number, tx: number, T: number): string | null {
  if (!Number.isInteger(x) || x < 0) return `frequency must be a non-negative integer, got ${x}`;
  if (!Number.isFinite(tx) || !Number.isFinite(T)) return 'recency and T must be finite';
  if (tx < 0 || tx > T) return `recency must be within [0, T], got recency ${tx}, T ${T}`;
  if (T <= 0 && x > 0) return `T must be positive for a repeat customer, got ${T}`;
  if (x === 0 && tx !== 0) return `recency must be 0 without repeat purchases, got ${tx}`;
  return null;
}

/**
 * Groups customers by (x, t_x, T) and rescales times by `timeScale` (for example 1/7 for days to
 * weeks) after grouping, so that grouping happens on exact values. Invalid rows throw RfmError
 * naming the row.
 */
export function groupRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, timeScale = 1): GroupedRfm {
  const n = x.length;
  if (tx.length !== n || T.length !== n) throw new RfmError('x, recency and T must have the same length');
  let integral = true;
  let maxX = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const problem = validateRfm(x[i]!, tx[i]!, T[i]!);
    if (problem) throw new RfmError(`customer ${i}: ${problem}`);
    if (!Number.isInteger(tx[i]!) || !Number.isInteger(T[i]!)) integral = false;
    maxX = Math.max(maxX, x[i]!);
    maxT = Math.max(maxT, T[i]!);
  }
  // Whole-number inputs (days) get an exact numeric key; anything else a string key.
  const span = maxT + 1;
  const numericKey = integral && (maxX + 1) * span * span < Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const groupOf = new Int32Array(n);
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const gw: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = numericKey ? (x[i]! * span + tx[i]!) * span + T[i]! : `${x[i]},${tx[i]},${T[i]}`;
    let g = index.get(key);
    if (g === undefined) {
      g = gx.length;
      index.set(key, g);
      gx.push(x[i]!);
      gtx.push(tx[i]! * timeScale);
      gT.push(T[i]! * timeScale);
      gw.push(0);
    }
    gw[g]!++;
    groupOf[i] = g;
  }
  const distinct = [...new Set(gx)].sort((p, q) => p - q);
  const position = new Map(distinct.map((v, k) => [v, k]));
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    weight: Float64Array.from(gw),
    distinctX: Float64Array.from(distinct),
    xIndex: Int32Array.from(gx, (v) => position.get(v)!),
    groupOf,
    customers: n,
  };
}
