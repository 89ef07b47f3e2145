/**
 * Special functions the CLV models need: log-gamma (with the sign of Γ for negative arguments),
 * digamma for analytic gradients, and the Gauss hypergeometric function ₂F₁ for BG/NBD's
 * conditional expectation.
 */

// Lanczos approximation, g = 7, n = 9: about 15 significant digits for x >= 0.5.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln|Γ(x)|; the sign is `gammaSign(x)`. Poles (0, -1, -2, …) give +Infinity. */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The sign of Γ(x): +1 for x > 0, alternating between the poles for x < 0. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ψ(x) = d/dx ln Γ(x). Recurrence up to x >= 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  let result = 0;
  if (x < 0) {
    // Reflection: ψ(1 - x) - ψ(x) = π cot(πx).
    result -= Math.PI / Math.tan(Math.PI * x);
    x = 1 - x;
  }
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^x + e^y) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

const SERIES_TOLERANCE = 1e-15;
const SERIES_MAX_TERMS = 1_000_000;

function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0 || (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum) && n > 2)) return sum;
    if (!Number.isFinite(sum)) break;
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}): series did not converge`);
}

/** Γ(n1)Γ(n2) / (Γ(d1)Γ(d2)) with signs, in log space so large arguments do not overflow. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  // A pole in the denominator makes the whole term vanish.
  for (const d of [d1, d2]) if (d <= 0 && Number.isInteger(d)) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(lnGamma(n1) + lnGamma(n2) - lnGamma(d1) - lnGamma(d2));
}

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) for real arguments and z < 1. Near z = 1 the power series
 * converges slowly, so above 0.75 the 1 − z connection formula is used (two fast series), unless
 * c − a − b is close to an integer where that formula cancels badly and the plain series is kept.
 * z < 0 goes through Pfaff's transformation to (0, 1).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError('2F1: arguments must be finite');
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1: c = ${c} is a pole`);
  if (z >= 1) throw new RangeError(`2F1: z = ${z} outside the unit interval`);
  if (z === 0) return 1;
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  const s = c - a - b;
  if (z <= 0.75 || Math.abs(s - Math.round(s)) < 1e-4) return hyp2f1Series(a, b, c, z);
  const w = 1 - z;
  const first = gammaRatio(c, s, c - a, c - b) * hyp2f1Series(a, b, 1 - s, w);
  const second = gammaRatio(c, -s, a, b) * Math.pow(w, s) * hyp2f1Series(c - a, c - b, 1 + s, w);
  return first + second;
}
