import { expectedAverageValue, fitGammaGamma, gammaGammaLogLikelihood, spendData } from './gamma-gamma';
import { readPublishedSummary } from './testing/cdnow-files';

describe('Gamma-Gamma', () => {
  const rows = readPublishedSummary();
  const data = spendData(
    rows.map((r) => r.x),
    rows.map((r) => r.zbar),
  );
  const fit = fitGammaGamma(data);

  it('reproduces the published CDNOW estimates on the 946 repeat customers', () => {
    expect(data.x).toHaveLength(946);
    expect(fit.converged).toBe(true);
    // Published: p = 6.25, q = 3.74, v = 15.45.
    expect(Number(fit.params.p.toPrecision(3))).toBe(6.25);
    expect(Number(fit.params.q.toPrecision(3))).toBe(3.74);
    expect(fit.params.v).toBeCloseTo(15.45, 1);
    for (const v of Object.values(fit.standardErrors)) expect(v).toBeGreaterThan(0);
  });

  it('is a maximum: nearby parameters are less likely', () => {
    for (const [dp, dq, dv] of [
      [0.05, 0, 0],
      [0, -0.05, 0],
      [0, 0, 0.1],
    ] as const) {
      const { p, q, v } = fit.params;
      expect(gammaGammaLogLikelihood({ p: p + dp, q: q + dq, v: v + dv }, data)).toBeLessThan(fit.logLikelihood);
    }
  });

  it('conditional expected average value as in the lifetimes documentation', () => {
    // lifetimes' Gamma-Gamma quickstart on CDNOW: customer 1 (x=2, m=22.35) 24.6586; x=0 35.1710.
    expect(expectedAverageValue(fit.params, 2, 22.35)).toBeCloseTo(24.6586, 2);
    expect(expectedAverageValue(fit.params, 0, 0)).toBeCloseTo(35.171, 2);
    // With more purchases the estimate moves towards the customer's own mean.
    expect(expectedAverageValue(fit.params, 50, 100)).toBeGreaterThan(expectedAverageValue(fit.params, 2, 100));
    expect(expectedAverageValue({ p: 1, q: 0.9, v: 1 }, 1, 10)).toBeNaN();
  });

  it('refuses an empty sample', () => {
    expect(() => fitGammaGamma(spendData([0, 0], [0, 0]))).toThrow(/no customers with repeat purchases/);
  });
});
