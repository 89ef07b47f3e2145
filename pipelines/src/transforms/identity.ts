import { IDENTITY_KINDS, type IdentityKind } from '@resonance/sql';

/**
 * Country calling codes for numbers written without one; the mapping file's `defaultCountry`
 * picks one. A short list on purpose: a number we cannot place is better left unresolved than
 * guessed.
 */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1',
  CA: '1',
  GB: '44',
  IE: '353',
  DE: '49',
  FR: '33',
  NL: '31',
  BE: '32',
  ES: '34',
  IT: '39',
  PT: '351',
  CH: '41',
  AT: '43',
  SE: '46',
  NO: '47',
  DK: '45',
  FI: '358',
  PL: '48',
  AU: '61',
  NZ: '64',
  JP: '81',
  KR: '82',
  CN: '86',
  IN: '91',
  SG: '65',
  BR: '55',
  MX: '52',
  ZA: '27',
};

const SOCIAL_KINDS = new Set<string>(['twitter', 'facebook', 'instagram', 'line', 'wechat', 'messenger']);

export function isIdentityKind(kind: string): kind is IdentityKind {
  return (IDENTITY_KINDS as readonly string[]).includes(kind);
}

/**
 * A phone number in E.164 (+ and 8–15 digits), or null when it cannot be one. Separators are
 * dropped, a leading 00 is the international prefix, and a national number (with its trunk 0)
 * gets the default country's calling code.
 */
export function toE164(raw: string, defaultCountry?: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d(][\d\s().\-/]*$/.test(trimmed)) return null;
  // "+44 (0)20 …": the bracketed trunk 0 is dialled only from inside the country.
  let digits = trimmed.replace(/\(0\)/g, '').replace(/[\s().\-/]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else {
    const code = defaultCountry ? CALLING_CODES[defaultCountry.toUpperCase()] : undefined;
    if (!code) return null;
    const national = digits.replace(/^0+/, '');
    // NANP numbers are often written with their country code but no '+': 1 415 555 0100.
    digits = code === '1' && national.length === 11 && national.startsWith('1') ? national : code + national;
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  return `+${digits}`;
}

/**
 * The normalised form of a handle, the key of `identities` (DESIGN.md): social handles without
 * '@' and case-folded, e-mail addresses lower-cased, phone numbers in E.164 (WhatsApp handles are
 * phone numbers too). Null when the handle is empty or not valid for its kind.
 */
export function normaliseHandle(kind: string, raw: string, defaultCountry?: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (kind === 'email') {
    const email = value.replace(/^mailto:/i, '').toLowerCase();
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
  }
  if (kind === 'phone' || kind === 'whatsapp') return toE164(value, defaultCountry);
  if (SOCIAL_KINDS.has(kind)) {
    const handle = value.replace(/^@+/, '').toLowerCase();
    return /^[\p{L}\p{N}_.-]+$/u.test(handle) ? handle : null;
  }
  return value.toLowerCase();
}

/** The identity kind an author on a channel has when the source does not say (reviews: an external id). */
export function authorKindForChannel(channel: string): IdentityKind {
  return isIdentityKind(channel) ? channel : 'external';
}
