/**
 * Numbers for people. One locale for the whole dashboard, so a figure reads the same in every
 * browser and in the browser test, which formats the api's figures with these same functions.
 */
export const LOCALE = 'en-US';

/** Shown where a figure is undefined (a rate with no messages, a percentile with no replies). */
export const NO_VALUE = '—';

const MINUS = '\u2212';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumSignificantDigits: 3 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A count: grouped digits up to 100,000, then compact ("482K", "1.24M"). */
export function formatCount(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return Math.abs(value) < 100_000 ? integer.format(value) : compact.format(value);
}

/** A count with all its digits, for tooltips and captions. */
export function formatExactCount(value: number | null | undefined): string {
  return isFiniteNumber(value) ? integer.format(value) : NO_VALUE;
}

/** A fraction 0..1 as a percentage with one decimal: 0.7243 -> "72.4%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (!isFiniteNumber(fraction)) return NO_VALUE;
  return `${oneDecimal.format(fraction * 100)}%`;
}

/** Net sentiment (-100..100) with its sign, because the sign is the message: "+12.3", "−8.0". */
export function formatNetSentiment(value: number | null | undefined): string {
  if (!isFiniteNumber(value)) return NO_VALUE;
  return withSign(value, oneDecimal.format(Math.abs(value)));
}

const currencyFormats = new Map<string, { full: Intl.NumberFormat; compact: Intl.NumberFormat }>();

function currencyFormat(currency: string): { full: Intl.NumberFormat; compact: Intl.NumberFormat } | null {
  const code = currency.trim().toUpperCase();
  const cached = currencyFormats.get(code);
  if (cached) return cached;
  try {
    const formats = {
      full: new Intl.NumberFormat(LOCALE, { style: 'currency', currency: code, maximumFractionDigits: 0 }),
      compact: new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency: code,
        notation: 'compact',
        maximumSignificantDigits: 3,
      }),
    };
    currencyFormats.set(code, formats);
    return formats;
  } catch {
    // Not an ISO 4217 code: show the amount with the workspace's label rather than fail the page.
    return null;
  }
}

/** Money in the workspace's currency: "$84,210" up to 100,000, then "$1.24M". */
export function formatCurrency(amount: number | null | undefined, currency: string): string {
  if (!isFiniteNumber(amount)) return NO_VALUE;
  const format = currencyFormat(currency);
  if (!format) return `${formatCount(amount)} ${currency}`.trim();
  return Math.abs(amount) < 100_000 ? format.full.format(amount) : format.compact.format(amount);
}

/** A duration in seconds, the way people say it: "42 s", "14 min", "2 h 14 min", "3 d 4 h". */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isFiniteNumber(seconds) || seconds < 0) return NO_VALUE;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(seconds / 3600);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** A relative change as a signed percentage: 0.124 -> "+12.4%". */
export function formatRelativeChange(ratio: number): string {
  return `${withSign(ratio, oneDecimal.format(Math.abs(ratio * 100)))}%`;
}

/** A difference of rates or scores in points: 3.21 -> "+3.2 pts". */
export function formatPointChange(points: number): string {
  return `${withSign(points, oneDecimal.format(Math.abs(points)))} pts`;
}

function withSign(value: number, magnitude: string): string {
  // "-0.0" and "+0.0" read as a change; a difference that rounds to zero is shown unsigned.
  if (/^[0.,]+$/.test(magnitude)) return magnitude;
  return `${value < 0 ? MINUS : '+'}${magnitude}`;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A period [from, to) as the days it covers, "Oct 22 – Nov 20, 2026". Days are UTC days, as the
 * api's trend buckets are (sql/queries/overview/trend.sql).
 */
export function formatPeriod(from: Date, to: Date): string {
  const lastDay = new Date(Math.max(from.getTime(), to.getTime() - 1));
  const end = dayYearFormat.format(lastDay);
  if (dayYearFormat.format(from) === end) return end;
  const sameYear = from.getUTCFullYear() === lastDay.getUTCFullYear();
  return `${sameYear ? dayFormat.format(from) : dayYearFormat.format(from)} – ${end}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** An instant as "Nov 3, 2026, 14:05" in UTC (the dashboard's days are UTC days). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? NO_VALUE : `${dateTimeFormat.format(time)} UTC`;
}

const twoDecimals = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A sentiment score in [−1, 1] with its sign: "+0.42", "−0.67", "0.00". */
export function formatSentiment(score: number | null | undefined): string {
  if (!isFiniteNumber(score)) return NO_VALUE;
  return withSign(score, twoDecimals.format(Math.abs(score)));
}

/** A probability or share 0..1 without decimals: 0.724 -> "72%". */
export function formatShare(fraction: number | null | undefined): string {
  if (!isFiniteNumber(fraction)) return NO_VALUE;
  return `${integer.format(fraction * 100)}%`;
}
