import { bgnbdLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bgnbd';
import { groupRfm, RfmError } from './rfm';
import { readPublishedRfm } from './testing/cdnow-files';

const significant = (v: number, digits = 3) => Number(v.toPrecision(digits));

/**
 * Independent check of the closed forms: integrate the posterior over the dropout probability p
 * numerically (λ integrates analytically against its Gamma prior). Substituting p = u^(1/a)
 * removes the p^(a−1) singularity; composite Simpson on u.
 */
function bruteForce(params: BgNbdParams, t: number, x: number, tx: number, T: number) {
  const { r, alpha, a, b } = params;
  const rx = r + x;
  const steps = 50_000;
  let numerator = 0;
  let aliveMass = 0;
  let total = 0;
  for (let k = 0; k <= steps; k++) {
    const u = k / steps;
    const weight = k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2;
    const p = Math.pow(u, 1 / a);
    if (p >= 1) continue;
    // Beta density × dp = p^(a−1)(1−p)^(b−1) dp = (1−p)^(b−1) du / a (constants cancel in the ratios).
    const base = Math.pow(1 - p, b - 1);
    const alive = Math.pow(1 - p, x) * Math.pow(alpha + T, -rx);
    const dead = x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -rx) : 0;
    // (1/p)(1 − ((α+T)/(α+T+pt))^(r+x)), finite as p → 0.
    const growth = p === 0 ? (rx * t) / (alpha + T) : -Math.expm1(-rx * Math.log1p((p * t) / (alpha + T))) / p;
    numerator += weight * base * Math.pow(1 - p, x) * Math.pow(alpha + T, -rx) * growth;
    aliveMass += weight * base * alive;
    total += weight * base * (alive + dead);
  }
  return { expected: numerator / total, pAlive: aliveMass / total };
}

describe('BG/NBD', () => {
  const rows = readPublishedRfm();
  const data = groupRfm(
    rows.map((r) => r.x),
    rows.map((r) => r.tx),
    rows.map((r) => r.T),
  );
  const fit = fitBgNbd(data);

  it('reproduces the published CDNOW estimates (FHL 2005; lifetimes)', () => {
    expect(rows).toHaveLength(2357);
    expect(fit.converged).toBe(true);
    const { r, alpha, a, b } = fit.params;
    expect([r, alpha, a, b].map((v) => significant(v))).toEqual([0.243, 4.41, 0.793, 2.43]);
    // Published: r = 0.2426, alpha = 4.4135, a = 0.7929, b = 2.4258.
    expect(r).toBeCloseTo(0.2426, 4);
    expect(alpha).toBeCloseTo(4.4135, 3);
    expect(a).toBeCloseTo(0.7929, 3);
    expect(b).toBeCloseTo(2.4258, 3);
    // FHL 2005 report ln L = −9582.4 for this fit.
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });

  it('gives finite standard errors from the Hessian', () => {
    for (const v of Object.values(fit.standardErrors)) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    // r is pinned far more tightly than b on these data.
    expect(fit.standardErrors.r / fit.params.r).toBeLessThan(fit.standardErrors.b / fit.params.b);
  });

  it('grouping identical (x, t_x, T) does not change the likelihood', () => {
    expect(data.x.length).toBeLessThan(rows.length);
    // One term per customer, summed.
    const perCustomer = rows.reduce(
      (sum, row) => sum + bgnbdLogLikelihood(fit.params, groupRfm([row.x], [row.tx], [row.T])),
      0,
    );
    expect(perCustomer).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('the analytic gradient matches finite differences', () => {
    const params = { r: 0.5, alpha: 3, a: 1.4, b: 2 };
    const gradient = new Float64Array(4);
    bgnbdLogLikelihood(params, data, gradient);
    (['r', 'alpha', 'a', 'b'] as const).forEach((name, i) => {
      const h = 1e-6;
      const up = bgnbdLogLikelihood({ ...params, [name]: params[name] + h }, data);
      const down = bgnbdLogLikelihood({ ...params, [name]: params[name] - h }, data);
      expect(gradient[i]! / ((up - down) / (2 * h))).toBeCloseTo(1, 5);
    });
  });

  it('an L2 penalty shrinks the parameters', () => {
    const penalised = fitBgNbd(data, { penalty: 0.1 });
    const norm = (p: BgNbdParams) => p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2;
    expect(norm(penalised.params)).toBeLessThan(norm(fit.params));
    expect(penalised.logLikelihood).toBeLessThan(fit.logLikelihood);
  });

  it.each([
    // x, t_x, T (weeks), horizon t: the second row is CDNOW customer 1; t = 200 exercises 2F1 near z = 1.
    [0, 0, 38.86, 39],
    [2, 30.43, 38.86, 39],
    [1, 1.71, 38.86, 39],
    [25, 35, 38.86, 39],
    [2, 30.43, 38.86, 200],
    [7, 10, 12, 500],
  ])('P(alive) and expected purchases agree with numerical integration (x=%p t_x=%p T=%p t=%p)', (x, tx, T, t) => {
    const reference = bruteForce(fit.params, t, x, tx, T);
    const pAlive = probabilityAlive(fit.params, x, tx, T);
    const expected = expectedPurchases(fit.params, t, x, tx, T);
    expect(Math.abs(pAlive - reference.pAlive)).toBeLessThan(1e-6);
    expect(Math.abs(expected - reference.expected) / reference.expected).toBeLessThan(1e-5);
  });

  it('rejects impossible summaries with the row named', () => {
    expect(() => groupRfm([1], [5], [4])).toThrow(RfmError);
    expect(() => groupRfm([0, 1.5], [0, 1], [3, 4])).toThrow(/customer 1/);
    expect(() => fitBgNbd(groupRfm([], [], []))).toThrow(/no customers/);
  });
});
