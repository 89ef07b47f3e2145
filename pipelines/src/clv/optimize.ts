/**
 * Unconstrained minimisation for the CLV likelihoods, which are smooth in log-parameters:
 * BFGS with an Armijo backtracking line search does the work; Nelder-Mead (derivative-free) is
 * the fallback when BFGS stalls far from a stationary point, and BFGS then polishes its result.
 */

export type Objective = (x: Float64Array, gradient: Float64Array | null) => number;

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  method: 'bfgs' | 'nelder-mead+bfgs';
}

export interface MinimizeOptions {
  /** Stop when the gradient's max-norm falls below this. */
  gradientTolerance?: number;
  maxIterations?: number;
}

// Gradients are of a mean over customers in log-parameters: 1e-7 moves no estimate by a
// noticeable fraction of its standard error, and tighter only chases rounding on large data.
const DEFAULTS = { gradientTolerance: 1e-7, maxIterations: 500 };

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** BFGS on the inverse Hessian approximation. */
export function bfgs(f: Objective, x0: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const { gradientTolerance, maxIterations } = { ...DEFAULTS, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) {
    return { x, value, gradientNorm: NaN, iterations: 0, evaluations, converged: false, method: 'bfgs' };
  }
  // H: inverse Hessian estimate, row-major; starts as the identity.
  let H = identity(n);
  let iterations = 0;
  const direction = new Float64Array(n);
  const candidate = new Float64Array(n);
  const candidateGradient = new Float64Array(n);
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(g) < gradientTolerance) break;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * g[j]!;
      direction[i] = s;
    }
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Not a descent direction (H lost positive definiteness): restart from steepest descent.
      H = identity(n);
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = dot(direction, g);
    }
    // Cap the step so one iteration moves a log-parameter by at most ~e^5.
    let step = Math.min(1, 5 / Math.max(maxAbs(direction), 1e-300));
    let accepted = false;
    let newValue = NaN;
    const directionSize = maxAbs(direction);
    // Backtrack until the step would no longer move x: at that point the objective is flat to
    // rounding, and further evaluations (each a pass over every customer) buy nothing.
    while (step * directionSize > 1e-12) {
      for (let i = 0; i < n; i++) candidate[i] = x[i]! + step * direction[i]!;
      newValue = f(candidate, candidateGradient);
      evaluations++;
      if (Number.isFinite(newValue) && newValue <= value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = candidate[i]! - x[i]!;
      y[i] = candidateGradient[i]! - g[i]!;
    }
    const improvement = value - newValue;
    x = Float64Array.from(candidate);
    g = Float64Array.from(candidateGradient);
    value = newValue;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      // Before the first update, scale the identity to the curvature just seen (Nocedal & Wright
      // eq. 6.20): the likelihoods' scales differ by orders of magnitude and an unscaled start
      // wastes many backtracking steps.
      if (iterations === 0) for (let i = 0; i < n; i++) H[i * n + i] = sy / dot(y, y);
      H = bfgsUpdate(H, s, y, sy);
    }
    if (improvement <= 1e-15 * Math.max(1, Math.abs(value)) && maxAbs(s) < 1e-12) break;
  }
  const gradientNorm = maxAbs(g);
  return {
    x,
    value,
    gradientNorm,
    iterations,
    evaluations,
    // A line search that stalls at rounding level with a near-zero gradient is at the optimum:
    // the objective is a mean over customers, so 1e-6 is far below a standard error's worth.
    converged: gradientNorm < Math.max(gradientTolerance, 1e-6),
    method: 'bfgs',
  };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number): Float64Array {
  const n = s.length;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) t += H[i * n + j]! * y[j]!;
    Hy[i] = t;
  }
  const yHy = dot(y, Hy);
  const rho = 1 / sy;
  const next = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      next[i * n + j] =
        H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
  return next;
}

/** Nelder-Mead with the standard coefficients; `f` is called without a gradient. */
export function nelderMead(
  f: Objective,
  x0: Float64Array,
  options: { maxEvaluations?: number; tolerance?: number; initialStep?: number } = {},
): { x: Float64Array; value: number; evaluations: number } {
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.initialStep ?? 0.5;
  const n = x0.length;
  const evaluate = (p: Float64Array) => {
    const v = f(p, null);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex: { x: Float64Array; v: number }[] = [{ x: Float64Array.from(x0), v: evaluate(x0) }];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = p[i]! + step;
    simplex.push({ x: p, v: evaluate(p) });
  }
  let evaluations = n + 1;
  const along = (from: Float64Array, to: Float64Array, t: number) => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = from[i]! + t * (to[i]! - from[i]!);
    return p;
  };
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + simplex[k]!.x[i]! / n;
    const reflected = along(centroid, worst.x, -1);
    const rv = evaluate(reflected);
    evaluations++;
    if (rv < best.v) {
      const expanded = along(centroid, worst.x, -2);
      const ev = evaluate(expanded);
      evaluations++;
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const contracted = rv < worst.v ? along(centroid, reflected, 0.5) : along(centroid, worst.x, 0.5);
      const cv = evaluate(contracted);
      evaluations++;
      if (cv < Math.min(rv, worst.v)) {
        simplex[n] = { x: contracted, v: cv };
      } else {
        simplex = simplex.map((p, k) => {
          if (k === 0) return p;
          const shrunk = along(best.x, p.x, 0.5);
          return { x: shrunk, v: evaluate(shrunk) };
        });
        evaluations += n;
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}

/** BFGS; when it does not converge, Nelder-Mead from its best point and a BFGS polish. */
export function minimize(f: Objective, x0: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const first = bfgs(f, x0, options);
  if (first.converged) return first;
  const start = Number.isFinite(first.value) ? first.x : x0;
  const simplex = nelderMead(f, start);
  const polished = bfgs(f, simplex.x, options);
  return {
    ...polished,
    evaluations: first.evaluations + simplex.evaluations + polished.evaluations,
    iterations: first.iterations + polished.iterations,
    method: 'nelder-mead+bfgs',
  };
}

/**
 * Hessian by central differences of an analytic gradient, symmetrised. `gradient` writes into
 * its second argument.
 */
export function numericalHessian(
  gradient: (x: Float64Array, out: Float64Array) => void,
  x: Float64Array,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[j]!));
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] = x[j]! + h;
    xm[j] = x[j]! - h;
    gradient(xp, plus);
    gradient(xm, minus);
    for (let i = 0; i < n; i++) H[i * n + j] = (plus[i]! - minus[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = (H[i * n + j]! + H[j * n + i]!) / 2;
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}

/** Inverse of a small square matrix by Gauss-Jordan with partial pivoting; null if singular. */
export function invert(matrix: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(matrix);
  const inv = identity(n);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const p = a[pivot * n + col]!;
    if (!Number.isFinite(p) || Math.abs(p) < 1e-300) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
        [inv[col * n + k], inv[pivot * n + k]] = [inv[pivot * n + k]!, inv[col * n + k]!];
      }
    }
    for (let k = 0; k < n; k++) {
      a[col * n + k] = a[col * n + k]! / p;
      inv[col * n + k] = inv[col * n + k]! / p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r * n + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k] = a[r * n + k]! - factor * a[col * n + k]!;
        inv[r * n + k] = inv[r * n + k]! - factor * inv[col * n + k]!;
      }
    }
  }
  return inv;
}

/**
 * Standard errors from the observed information: the square roots of the diagonal of the inverse
 * Hessian of the negative log-likelihood. NaN where the Hessian is not positive definite.
 */
export function standardErrors(hessian: Float64Array, n: number): number[] {
  const covariance = invert(hessian, n);
  return Array.from({ length: n }, (_, i) => {
    const v = covariance?.[i * n + i];
    return v !== undefined && v > 0 ? Math.sqrt(v) : NaN;
  });
}
