import { solveNormalEquations } from './fixed-effects';

describe('solveNormalEquations', () => {
  it('solves a full system', () => {
    // [[4, 1], [1, 3]] β = [1, 2] → β = [1/11, 7/11]
    const beta = solveNormalEquations(
      [
        [4, 1],
        [1, 3],
      ],
      [1, 2],
    );
    expect(beta[0]).toBeCloseTo(1 / 11, 12);
    expect(beta[1]).toBeCloseTo(7 / 11, 12);
  });

  it('needs a pivot when the first diagonal entry is small', () => {
    const beta = solveNormalEquations(
      [
        [1e-6, 2],
        [2, 1],
      ],
      [4, 3],
    );
    expect(1e-6 * beta[0]! + 2 * beta[1]!).toBeCloseTo(4, 9);
    expect(2 * beta[0]! + beta[1]!).toBeCloseTo(3, 9);
  });

  it('leaves an experience nobody informs without a coefficient, and solves the rest', () => {
    const beta = solveNormalEquations(
      [
        [2, 0, 0],
        [0, 0, 0],
        [0, 0, 4],
      ],
      [1, 0, 2],
    );
    expect(beta[0]).toBeCloseTo(0.5, 12);
    expect(beta[1]).toBeNaN();
    expect(beta[2]).toBeCloseTo(0.5, 12);
  });

  it('a singular system has no solution', () => {
    expect(
      solveNormalEquations(
        [
          [1, 1],
          [1, 1],
        ],
        [1, 1],
      ).every(Number.isNaN),
    ).toBe(true);
  });
});
