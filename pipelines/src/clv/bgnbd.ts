import { minimize, numericalHessian, standardErrors } from './optimize';
import type { GroupedRfm } from './rfm';
import { digamma, hyp2f1, lnGamma } from './special';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
 * customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). Times are in whatever unit the summary uses; α carries that unit.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export const BGNBD_PARAMS = ['r', 'alpha', 'a', 'b'] as const;

export interface FitOptions {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (as in `lifetimes`). */
  penalty?: number;
  initial?: Partial<BgNbdParams>;
}

export interface ModelFit<P> {
  params: P;
  /** From the inverse Hessian of the negative log-likelihood; NaN where it is not positive definite. */
  standardErrors: P;
  logLikelihood: number;
  customers: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  method: string;
}

/**
 * Total log-likelihood of the grouped data, in log space throughout:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x) ].
 * When `gradient` is given it receives ∂lnL/∂(r, α, a, b).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: GroupedRfm, gradient?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const k = data.distinctX.length;
  // Everything that depends on x alone, once per distinct x.
  const constant = new Float64Array(k);
  const lnA4 = new Float64Array(k);
  const dR = new Float64Array(k);
  const dA = new Float64Array(k);
  const dB = new Float64Array(k);
  const inv4 = new Float64Array(k);
  const lnAlpha = Math.log(alpha);
  const lnGammaR = lnGamma(r);
  const lnGammaAB = lnGamma(a + b) - lnGamma(b);
  const psiR = gradient ? digamma(r) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  const psiB = gradient ? digamma(b) : 0;
  for (let j = 0; j < k; j++) {
    const x = data.distinctX[j]!;
    constant[j] = lnGamma(r + x) - lnGammaR + r * lnAlpha + lnGammaAB + lnGamma(b + x) - lnGamma(a + b + x);
    lnA4[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    if (gradient) {
      const psiABX = digamma(a + b + x);
      dR[j] = digamma(r + x) - psiR + lnAlpha;
      dA[j] = psiAB - psiABX;
      dB[j] = psiAB + digamma(b + x) - psiB - psiABX;
      inv4[j] = x > 0 ? 1 / (b + x - 1) : 0;
    }
  }
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const n = data.x.length;
  for (let i = 0; i < n; i++) {
    const j = data.xIndex[i]!;
    const x = data.x[i]!;
    const w = data.weight[i]!;
    const rx = r + x;
    const lnAT = Math.log(alpha + data.T[i]!);
    const a3 = -rx * lnAT;
    let ll: number;
    let share = 0;
    let lnAt = 0;
    if (x > 0) {
      lnAt = Math.log(alpha + data.tx[i]!);
      const a4 = lnA4[j]! - rx * lnAt;
      // ln(e^a3 + e^a4); `share` is the weight of the dropped-out branch e^a4 / (e^a3 + e^a4).
      if (a3 > a4) {
        const e = Math.exp(a4 - a3);
        ll = a3 + Math.log1p(e);
        share = e / (1 + e);
      } else {
        const e = Math.exp(a3 - a4);
        ll = a4 + Math.log1p(e);
        share = 1 / (1 + e);
      }
    } else {
      ll = a3;
    }
    total += w * (constant[j]! + ll);
    if (gradient) {
      const alive = 1 - share;
      gr += w * (dR[j]! - alive * lnAT - share * lnAt);
      gAlpha += w * (r / alpha - rx * (alive / (alpha + data.T[i]!) + share / (alpha + data.tx[i]!)));
      ga += w * (dA[j]! + share / a);
      gb += w * (dB[j]! - share * inv4[j]!);
    }
  }
  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
  }
  return total;
}

function toParams(v: ArrayLike<number>): BgNbdParams {
  return { r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! };
}

/** Maximum likelihood on log-parameters (so every parameter stays positive). */
export function fitBgNbd(data: GroupedRfm, options: FitOptions = {}): ModelFit<BgNbdParams> {
  if (data.customers === 0) throw new RangeError('BG/NBD: no customers to fit');
  const penalty = options.penalty ?? 0;
  const weightSum = data.customers;
  const grad = new Float64Array(4);
  const objective = (theta: Float64Array, out: Float64Array | null): number => {
    const p = Array.from(theta, Math.exp);
    const params = toParams(p);
    const ll = bgnbdLogLikelihood(params, data, out ? grad : undefined);
    let penaltyTerm = 0;
    for (const v of p) penaltyTerm += v * v;
    if (out) for (let i = 0; i < 4; i++) out[i] = p[i]! * (-grad[i]! / weightSum + 2 * penalty * p[i]!);
    return -ll / weightSum + penalty * penaltyTerm;
  };
  const initial = { r: 1, alpha: 1, a: 1, b: 1, ...options.initial };
  const x0 = Float64Array.from(BGNBD_PARAMS, (name) => Math.log(initial[name]));
  const result = minimize(objective, x0);
  const params = toParams(Array.from(result.x, Math.exp));
  const logLikelihood = bgnbdLogLikelihood(params, data);
  const hessian = numericalHessian(
    (v, out) => {
      bgnbdLogLikelihood(toParams(v), data, out);
      for (let i = 0; i < 4; i++) out[i] = -out[i]!;
    },
    Float64Array.from(BGNBD_PARAMS, (name) => params[name]),
  );
  return {
    params,
    standardErrors: toParams(standardErrors(hessian, 4)),
    logLikelihood,
    customers: data.customers,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    method: result.method,
  };
}

/** P(alive at T | x, t_x, T). Always 1 without repeat purchases (BG/NBD drops out only after a purchase). */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * Expected purchases in (T, T + t] given (x, t_x, T) (FHL 2005, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)]
 * with z = t/(α+T+t). Euler's transformation turns the product in the bracket into
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose upper parameters do not grow with x, so a
 * frequent buyer neither overflows nor needs thousands of series terms.
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  // At a = 1 the closed form is 0/0; the expectation is continuous in a, so step just beside it.
  const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const bracket = 1 - Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  const alive = probabilityAlive({ r, alpha, a, b }, x, tx, T);
  return (c / (a - 1)) * bracket * alive;
}
