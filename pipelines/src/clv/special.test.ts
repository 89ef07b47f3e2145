import { digamma, gammaSign, hyp2f1, lnBeta, lnGamma, logAddExp } from './special';

describe('lnGamma', () => {
  it.each([
    [0.5, 0.5 * Math.log(Math.PI)],
    [1, 0],
    [2, 0],
    [10, Math.log(362880)],
    [100, 359.1342053695754],
    [1e-3, 6.907178885383854],
    [3.7, Math.log(4.170651783796603)],
  ])('lnΓ(%p)', (x, expected) => {
    expect(lnGamma(x)).toBeCloseTo(expected, 12);
  });

  it('reflects negative arguments with the sign of Γ', () => {
    // Γ(−0.5) = −2√π, Γ(−1.5) = 4√π/3
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(lnGamma(-1.5)).toBeCloseTo(Math.log((4 * Math.sqrt(Math.PI)) / 3), 12);
    expect(gammaSign(-1.5)).toBe(1);
    expect(lnGamma(-2)).toBe(Infinity);
  });

  it('lnBeta(2, 3) = ln(1/12)', () => {
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
  });
});

describe('digamma', () => {
  it('matches known values and the derivative of lnGamma', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12);
    for (const x of [0.07, 0.8, 2.4, 13.5, 250]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 5);
    }
  });
});

describe('logAddExp', () => {
  it('does not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('hyp2f1', () => {
  // Closed forms; z > 0.75 with non-integer c − a − b goes through the 1 − z connection formula.
  it.each([0.1, 0.5, 0.9, 0.99, -0.5, -3])('2F1(1, 1; 2; %p) = −ln(1 − z)/z', (z) => {
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
  });

  it.each([0.3, 0.8, 0.95, 0.999])('2F1(a, b; b; %p) = (1 − z)^−a', (z) => {
    const value = hyp2f1(0.3, 2.5, 2.5, z);
    const expected = Math.pow(1 - z, -0.3);
    expect(Math.abs(value - expected) / expected).toBeLessThan(1e-10);
  });

  it.each([0.4, 0.9, 0.97])('2F1(1/2, 1/2; 3/2; z²) = arcsin(z)/z at z = %p', (z) => {
    expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 10);
  });

  it('terminates for a negative integer parameter (a polynomial)', () => {
    // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const [b, c, z] = [1.5, 2.5, 0.9];
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 12);
  });

  it('the connection formula agrees with the series it replaces', () => {
    // Same function on both sides of the 0.75 switch.
    const below = hyp2f1(0.7, 1.9, 3.35, 0.7499999);
    const above = hyp2f1(0.7, 1.9, 3.35, 0.7500001);
    expect(Math.abs(above - below)).toBeLessThan(1e-6);
  });

  it('rejects arguments outside its domain', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -3, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(NaN, 1, 2, 0.5)).toThrow(RangeError);
  });
});
