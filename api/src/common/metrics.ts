/**
 * Ratios of DESIGN.md "Metric definitions", computed once from the counts the SQL returns. Each is
 * null when its denominator is zero: no data is not 0 %.
 */

/** Response rate = inbound messages with at least one reply ÷ inbound messages (0…1). */
export function responseRate(replied: number, inbound: number): number | null {
  return inbound > 0 ? replied / inbound : null;
}

/** Net sentiment = (positive − negative) ÷ (positive + negative) × 100. */
export function netSentiment(positive: number, negative: number): number | null {
  const scored = positive + negative;
  return scored > 0 ? ((positive - negative) / scored) * 100 : null;
}

/** A count from ClickHouse (64-bit integers arrive as strings). */
export function count(value: string | number | undefined): number {
  return value === undefined ? 0 : Number(value);
}

/** An aggregate that is NaN or null over no rows (quantiles, averages). */
export function finiteOrNull(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
