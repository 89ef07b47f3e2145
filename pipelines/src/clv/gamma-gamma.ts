import type { ModelFit } from './bgnbd';
import { minimize, numericalHessian, standardErrors } from './optimize';
import { digamma, lnGamma } from './special';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's transaction
 * values are Gamma(p, ν) with ν ~ Gamma(q, v); it is fitted on customers with repeat purchases,
 * from their number x and mean value m of those purchases.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export const GAMMA_GAMMA_PARAMS = ['p', 'q', 'v'] as const;

/** Customers with x > 0 and m > 0. */
export interface SpendData {
  x: Float64Array;
  m: Float64Array;
}

export class SpendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpendError';
  }
}

/** Builds SpendData from the customers with repeat purchases of positive mean value. */
export function spendData(x: ArrayLike<number>, m: ArrayLike<number>): SpendData {
  if (x.length !== m.length) throw new SpendError('x and monetary value must have the same length');
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! > 0 && m[i]! > 0 && Number.isFinite(m[i]!)) {
      xs.push(x[i]!);
      ms.push(m[i]!);
    }
  }
  return { x: Float64Array.from(xs), m: Float64Array.from(ms) };
}

/**
 * Sums that do not depend on the parameters, and the per-x counts, computed once per fit so
 * that an evaluation costs one logarithm per customer.
 */
class SpendSums {
  readonly n: number;
  readonly sumXLnM: number;
  readonly sumLnM: number;
  readonly sumXLnX: number;
  readonly distinctX: Float64Array;
  readonly countX: Float64Array;
  readonly xm: Float64Array;

  constructor(readonly data: SpendData) {
    this.n = data.x.length;
    let sumXLnM = 0;
    let sumLnM = 0;
    let sumXLnX = 0;
    const counts = new Map<number, number>();
    this.xm = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const x = data.x[i]!;
      const lnM = Math.log(data.m[i]!);
      sumXLnM += x * lnM;
      sumLnM += lnM;
      sumXLnX += x * Math.log(x);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      this.xm[i] = x * data.m[i]!;
    }
    this.sumXLnM = sumXLnM;
    this.sumLnM = sumLnM;
    this.sumXLnX = sumXLnX;
    const distinct = [...counts.keys()].sort((a, b) => a - b);
    this.distinctX = Float64Array.from(distinct);
    this.countX = Float64Array.from(distinct, (x) => counts.get(x)!);
  }
}

/**
 * Σ ln f(m | x) = Σ [ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm+v)].
 * `gradient` receives ∂/∂(p, q, v).
 */
function logLikelihood(params: GammaGammaParams, sums: SpendSums, gradient?: Float64Array): number {
  const { p, q, v } = params;
  const { n, data } = sums;
  let total = -n * lnGamma(q) + n * q * Math.log(v) + p * sums.sumXLnM - sums.sumLnM + p * sums.sumXLnX;
  let gp = sums.sumXLnM + sums.sumXLnX;
  let gq = -n * digamma(q) + n * Math.log(v);
  let gv = (n * q) / v;
  for (let k = 0; k < sums.distinctX.length; k++) {
    const x = sums.distinctX[k]!;
    const c = sums.countX[k]!;
    total += c * (lnGamma(p * x + q) - lnGamma(p * x));
    if (gradient) {
      const psi = digamma(p * x + q);
      gp += c * x * (psi - digamma(p * x));
      gq += c * psi;
    }
  }
  for (let i = 0; i < n; i++) {
    const x = data.x[i]!;
    const denominator = sums.xm[i]! + v;
    const ln = Math.log(denominator);
    total -= (p * x + q) * ln;
    if (gradient) {
      gp -= x * ln;
      gq -= ln;
      gv -= (p * x + q) / denominator;
    }
  }
  if (gradient) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
  }
  return total;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  return logLikelihood(params, new SpendSums(data));
}

function toParams(v: ArrayLike<number>): GammaGammaParams {
  return { p: v[0]!, q: v[1]!, v: v[2]! };
}

/** Maximum likelihood on log-parameters; the optional L2 penalty is as in BG/NBD. */
export function fitGammaGamma(
  data: SpendData,
  options: { penalty?: number; initial?: Partial<GammaGammaParams> } = {},
): ModelFit<GammaGammaParams> {
  if (data.x.length === 0) throw new SpendError('Gamma-Gamma: no customers with repeat purchases to fit');
  const penalty = options.penalty ?? 0;
  const sums = new SpendSums(data);
  const grad = new Float64Array(3);
  const objective = (theta: Float64Array, out: Float64Array | null): number => {
    const values = Array.from(theta, Math.exp);
    const ll = logLikelihood(toParams(values), sums, out ? grad : undefined);
    let penaltyTerm = 0;
    for (const v of values) penaltyTerm += v * v;
    if (out) for (let i = 0; i < 3; i++) out[i] = values[i]! * (-grad[i]! / sums.n + 2 * penalty * values[i]!);
    return -ll / sums.n + penalty * penaltyTerm;
  };
  const initial = { p: 1, q: 1, v: 1, ...options.initial };
  const result = minimize(
    objective,
    Float64Array.from(GAMMA_GAMMA_PARAMS, (name) => Math.log(initial[name])),
  );
  const params = toParams(Array.from(result.x, Math.exp));
  const hessian = numericalHessian(
    (values, out) => {
      logLikelihood(toParams(values), sums, out);
      for (let i = 0; i < 3; i++) out[i] = -out[i]!;
    },
    Float64Array.from(GAMMA_GAMMA_PARAMS, (name) => params[name]),
  );
  return {
    params,
    standardErrors: toParams(standardErrors(hessian, 3)),
    logLikelihood: logLikelihood(params, sums),
    customers: sums.n,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    method: result.method,
  };
}

/**
 * E[value of a transaction | x, m] = (p (v + x m)) / (p x + q − 1): a weighted mean of the
 * population mean p v / (q − 1) and the customer's own mean. Needs q > 1 (otherwise the
 * population mean is infinite): NaN then.
 */
export function expectedAverageValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  if (q <= 1) return NaN;
  const mean = x > 0 && m > 0 ? m : 0;
  const n = x > 0 && m > 0 ? x : 0;
  return (p * (v + n * mean)) / (p * n + q - 1);
}
