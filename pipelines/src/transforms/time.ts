/**
 * Timestamps of every source, to epoch milliseconds (UTC). A string without a zone is UTC.
 * Returns null for anything that is not a real calendar time, so the caller can reject the row.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// Twitter's classic format, as in twcs.csv: "Tue Oct 31 22:10:47 +0000 2017".
const TWITTER = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
/** Earliest and latest times we accept: outside this range a date is a data error, not history. */
const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMin: number,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(t);
  // Date.UTC rolls 31 February over into March; a real date does not move.
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const result = t - offsetMin * 60_000;
  return result >= MIN_MS && result < MAX_MS ? result : null;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z' || zone.toUpperCase() === 'UTC') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The commonest form, "YYYY-MM-DDThh:mm:ss[.sss]Z" (or a space for T, or no zone), read without
 * a regular expression: it is one of the larger costs per row of a load.
 */
function fastIso(text: string): number | null | undefined {
  const length = text.length;
  if (
    (length !== 19 && length !== 20 && length !== 23 && length !== 24) ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  )
    return undefined;
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const zoned = length === 20 || length === 24;
  if (zoned && text.charCodeAt(length - 1) !== 90) return undefined;
  let ms = 0;
  if (length >= 23) {
    if (text.charCodeAt(19) !== 46) return undefined;
    ms = digits(text, 20, 3);
  }
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || ms < 0) return undefined;
  return build(y, mo, d, h, mi, s, ms, 0);
}

/** ISO 8601 (T or space, optional fraction and zone), epoch seconds or milliseconds, or Twitter's format. */
export function parseTimestamp(value: string): number | null {
  const fast = fastIso(value);
  if (fast !== undefined) return fast;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const fraction = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(
      +iso[1]!,
      +iso[2]!,
      +iso[3]!,
      +(iso[4] ?? 0),
      +(iso[5] ?? 0),
      +(iso[6] ?? 0),
      fraction,
      offsetMinutes(iso[8]),
    );
  }
  if (/^\d{9,10}(\.\d+)?$/.test(text)) return checkRange(Math.round(Number(text) * 1000));
  if (/^\d{12,13}$/.test(text)) return checkRange(Number(text));
  const tw = TWITTER.exec(text);
  if (tw) {
    const month = MONTHS[tw[1]!.toLowerCase()];
    if (!month) return null;
    return build(+tw[7]!, month, +tw[2]!, +tw[3]!, +tw[4]!, +tw[5]!, 0, offsetMinutes(tw[6]));
  }
  return null;
}

function checkRange(ms: number): number | null {
  return ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

const TOKENS: Readonly<Record<string, string>> = {
  YYYY: '(?<Y>\\d{4})',
  MM: '(?<M>\\d{1,2})',
  DD: '(?<D>\\d{1,2})',
  HH: '(?<h>\\d{1,2})',
  mm: '(?<m>\\d{2})',
  ss: '(?<s>\\d{2})',
  SSS: '(?<f>\\d{1,3})',
  Z: '(?<z>Z|[+-]\\d{2}:?\\d{2})',
};

export class TimeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeFormatError';
  }
}

/**
 * A parser for a mapping file's date format, such as "DD/MM/YYYY HH:mm" (tokens YYYY MM DD HH mm
 * ss SSS Z; anything else is literal). "iso" or no format is parseTimestamp.
 */
export function timestampParser(format?: string): (value: string) => number | null {
  if (!format || format === 'iso') return parseTimestamp;
  const pattern = format.replace(
    /YYYY|SSS|MM|DD|HH|mm|ss|Z|[.*+?^${}()|[\]\\]/g,
    (token) => TOKENS[token] ?? `\\${token}`,
  );
  if (!pattern.includes('(?<Y>') || !pattern.includes('(?<M>') || !pattern.includes('(?<D>')) {
    throw new TimeFormatError(`date format "${format}" needs at least YYYY, MM and DD`);
  }
  const regex = new RegExp(`^${pattern}$`);
  return (value: string) => {
    const g = regex.exec(value.trim())?.groups;
    if (!g) return null;
    const fraction = g.f ? Number(g.f.padEnd(3, '0')) : 0;
    return build(+g.Y!, +g.M!, +g.D!, +(g.h ?? 0), +(g.m ?? 0), +(g.s ?? 0), fraction, offsetMinutes(g.z));
  };
}

let cachedDay = NaN;
let cachedDate = '';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * ClickHouse DateTime64(3) text in UTC, 'YYYY-MM-DD hh:mm:ss.sss'. The date part is cached: rows
 * of a load come roughly in time order, and toISOString per row was a tenth of a load's CPU.
 */
export function formatTime(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = Math.round(rest - s * 1000);
  return `${cachedDate} ${pad2(h)}:${pad2(m)}:${pad2(s)}.${frac < 10 ? `00${frac}` : frac < 100 ? `0${frac}` : frac}`;
}
