/**
 * Solving the normal equations of the within-customer regression of value/service_effects.sql:
 * (X'X) β = X'y over the demeaned experience indicators. An experience nobody informs (its
 * diagonal entry is 0) has no coefficient: it is left out of the system and comes back NaN.
 */
export function solveNormalEquations(xtx: readonly (readonly number[])[], xty: readonly number[]): number[] {
  const size = xty.length;
  const identified = xty.map((_, k) => k).filter((k) => (xtx[k]?.[k] ?? 0) > 1e-9);
  const beta = new Array<number>(size).fill(NaN);
  const m = identified.length;
  // Augmented matrix of the identified rows and columns, then Gauss-Jordan with partial pivoting.
  const rows = identified.map((k) => [...identified.map((j) => xtx[k]![j]!), xty[k]!]);
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[pivot]![c]!)) pivot = r;
    if (Math.abs(rows[pivot]![c]!) < 1e-12) return beta.fill(NaN);
    [rows[c], rows[pivot]] = [rows[pivot]!, rows[c]!];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const factor = rows[r]![c]! / rows[c]![c]!;
      for (let k = c; k <= m; k++) rows[r]![k]! -= factor * rows[c]![k]!;
    }
  }
  identified.forEach((k, i) => (beta[k] = rows[i]![m]! / rows[i]![i]!));
  return beta;
}
