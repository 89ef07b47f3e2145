import { bfgs, invert, minimize, nelderMead, numericalHessian, standardErrors, type Objective } from './optimize';

const rosenbrock: Objective = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  if (g) {
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
  }
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('optimisers', () => {
  it('BFGS finds the Rosenbrock minimum', () => {
    const result = bfgs(rosenbrock, Float64Array.from([-1.2, 1]));
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('Nelder-Mead gets close without derivatives; minimize polishes with BFGS', () => {
    const simplex = nelderMead(rosenbrock, Float64Array.from([-1.2, 1]), { maxEvaluations: 5000 });
    expect(simplex.x[0]).toBeCloseTo(1, 2);
    const result = minimize(rosenbrock, Float64Array.from([-1.2, 1]));
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it('numerical Hessian, inverse and standard errors of a quadratic', () => {
    // f = ½ xᵀ A x with A = [[4, 1], [1, 3]]: Hessian A, covariance A⁻¹ = [[3, −1], [−1, 4]] / 11.
    const gradient = (x: Float64Array, out: Float64Array) => {
      out[0] = 4 * x[0]! + x[1]!;
      out[1] = x[0]! + 3 * x[1]!;
    };
    const H = numericalHessian(gradient, Float64Array.from([0.3, -0.2]));
    expect(Array.from(H).map((v) => Number(v.toFixed(6)))).toEqual([4, 1, 1, 3]);
    const inverse = invert(H, 2)!;
    expect(inverse[0]).toBeCloseTo(3 / 11, 8);
    expect(inverse[1]).toBeCloseTo(-1 / 11, 8);
    expect(standardErrors(H, 2)[1]).toBeCloseTo(Math.sqrt(4 / 11), 8);
    expect(invert(Float64Array.from([1, 2, 2, 4]), 2)).toBeNull();
  });
});
