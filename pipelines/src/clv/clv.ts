import { expectedPurchases, type BgNbdParams } from './bgnbd';

/** DESIGN.md defaults: 12 months, 1 % a month. */
export const DEFAULT_HORIZON_MONTHS = 12;
export const DEFAULT_MONTHLY_DISCOUNT = 0.01;
/** A month is a twelfth of a Julian year, so 12 months are exactly one year of days. */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface ClvOptions {
  horizonMonths: number;
  monthlyDiscount: number;
  /** Length of a month in the model's time unit (DAYS_PER_MONTH / 7 when the model is in weeks). */
  monthInModelUnits: number;
}

/**
 * Expected purchases over the horizon, and the same with each month's purchases discounted to
 * today at the monthly rate. Predicted CLV = the discounted purchases × the expected value of a
 * purchase (as `lifetimes`' customer_lifetime_value, which discounts each month's increment of
 * the cumulative expectation); it is split so that customers who share (x, t_x, T) share the
 * expensive part.
 */
export function discountedPurchases(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions,
): { expectedPurchases: number; discountedPurchases: number } {
  let discounted = 0;
  let previous = 0;
  for (let month = 1; month <= options.horizonMonths; month++) {
    const cumulative = expectedPurchases(params, month * options.monthInModelUnits, x, tx, T);
    discounted += (cumulative - previous) / Math.pow(1 + options.monthlyDiscount, month);
    previous = cumulative;
  }
  return { expectedPurchases: previous, discountedPurchases: discounted };
}
