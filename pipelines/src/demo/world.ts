import { DEMO_CHANNELS, type DemoChannel, type DemoSegment } from './effects';

/** The fixed cast of the demo: the workspace, its brands, agents, countries and names. */

export const DEMO_WORKSPACE = {
  name: 'BrightCart (demo)',
  // Agents' shifts are generated on a fixed UTC−5 clock; the calendar's DST hour does not matter here.
  timezone: 'America/New_York',
  currency: 'USD',
  slaHours: 24,
  utcOffsetHours: -5,
} as const;

export interface DemoBrand {
  brand: string;
  name: string;
  isOwn: boolean;
  handles: string[];
}

export const OWN_BRAND = 'brightcart';
export const COMPETITORS = ['shopwave', 'marketly'] as const;
export type Competitor = (typeof COMPETITORS)[number];

export const DEMO_BRANDS: readonly DemoBrand[] = [
  { brand: OWN_BRAND, name: 'BrightCart', isOwn: true, handles: ['brightcart', 'brightcarthelp', 'brightcart_support'] },
  { brand: 'shopwave', name: 'ShopWave', isOwn: false, handles: ['shopwave', 'shopwavecares'] },
  { brand: 'marketly', name: 'Marketly', isOwn: false, handles: ['marketly', 'marketly_help'] },
];

/** The handle a brand answers from on public channels. */
export const BRAND_REPLY_HANDLE: Record<string, string> = {
  brightcart: 'brightcarthelp',
  shopwave: 'shopwavecares',
  marketly: 'marketly_help',
};

export interface Country {
  code: string;
  weight: number;
  utcOffsetHours: number;
  callingCode: string;
  lang: 'en' | 'es' | 'fr';
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', weight: 46, utcOffsetHours: -5, callingCode: '1', lang: 'en' },
  { code: 'CA', weight: 8, utcOffsetHours: -5, callingCode: '1', lang: 'en' },
  { code: 'GB', weight: 14, utcOffsetHours: 0, callingCode: '44', lang: 'en' },
  { code: 'IE', weight: 3, utcOffsetHours: 0, callingCode: '353', lang: 'en' },
  { code: 'AU', weight: 6, utcOffsetHours: 10, callingCode: '61', lang: 'en' },
  { code: 'DE', weight: 6, utcOffsetHours: 1, callingCode: '49', lang: 'en' },
  { code: 'FR', weight: 5, utcOffsetHours: 1, callingCode: '33', lang: 'fr' },
  { code: 'ES', weight: 4, utcOffsetHours: 1, callingCode: '34', lang: 'es' },
  { code: 'MX', weight: 5, utcOffsetHours: -6, callingCode: '52', lang: 'es' },
  { code: 'IN', weight: 3, utcOffsetHours: 5.5, callingCode: '91', lang: 'en' },
];

export const FIRST_NAMES = [
  'maya', 'liam', 'olivia', 'noah', 'emma', 'lucas', 'ava', 'ethan', 'sofia', 'mateo', 'chloe', 'leo',
  'amelia', 'james', 'isla', 'oscar', 'zoe', 'arjun', 'priya', 'hugo', 'lea', 'diego', 'lucia', 'omar',
  'grace', 'daniel', 'hannah', 'samuel', 'nina', 'felix', 'ines', 'jack', 'ruby', 'mia', 'theo', 'aisha',
] as const;

export const LAST_NAMES = [
  'patel', 'smith', 'garcia', 'nguyen', 'brown', 'martin', 'kowalski', 'silva', 'muller', 'dubois',
  'rossi', 'khan', 'obrien', 'walker', 'lopez', 'fischer', 'taylor', 'moreau', 'jones', 'kim',
  'wilson', 'sanchez', 'clark', 'young', 'hall', 'lee', 'wright', 'green', 'baker', 'adams',
] as const;

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'] as const;

export interface Agent {
  id: string;
  first: string;
  /** The agent's personal speed: their reply times are multiplied by it. */
  speed: number;
  channels: readonly DemoChannel[];
}

const VOICE: readonly DemoChannel[] = ['phone', 'chat', 'whatsapp'];
const WRITTEN: readonly DemoChannel[] = ['email', 'chat', 'whatsapp'];
const SOCIAL: readonly DemoChannel[] = ['twitter', 'facebook', 'instagram'];

/** The own brand's support team; ids are what the `agent` column shows. */
export const AGENTS: readonly Agent[] = [
  { id: 'amelia.k', first: 'Amelia', speed: 0.7, channels: VOICE },
  { id: 'ben.o', first: 'Ben', speed: 1.0, channels: VOICE },
  { id: 'carla.m', first: 'Carla', speed: 1.3, channels: VOICE },
  { id: 'dev.r', first: 'Dev', speed: 0.9, channels: VOICE },
  { id: 'erin.s', first: 'Erin', speed: 1.1, channels: VOICE },
  { id: 'farid.h', first: 'Farid', speed: 0.8, channels: VOICE },
  { id: 'gina.l', first: 'Gina', speed: 1.6, channels: WRITTEN },
  { id: 'hiro.t', first: 'Hiro', speed: 0.9, channels: WRITTEN },
  { id: 'ivy.c', first: 'Ivy', speed: 1.0, channels: WRITTEN },
  { id: 'jonas.b', first: 'Jonas', speed: 1.2, channels: WRITTEN },
  { id: 'kemi.a', first: 'Kemi', speed: 0.75, channels: WRITTEN },
  { id: 'lars.p', first: 'Lars', speed: 1.4, channels: WRITTEN },
  { id: 'mona.f', first: 'Mona', speed: 0.85, channels: SOCIAL },
  { id: 'nico.d', first: 'Nico', speed: 1.25, channels: SOCIAL },
  { id: 'olga.v', first: 'Olga', speed: 1.0, channels: SOCIAL },
  { id: 'pablo.g', first: 'Pablo', speed: 1.8, channels: SOCIAL },
];

export const AGENTS_BY_CHANNEL = Object.fromEntries(
  DEMO_CHANNELS.map((channel) => [channel, AGENTS.filter((agent) => agent.channels.includes(channel))]),
) as unknown as Record<DemoChannel, readonly Agent[]>;

export interface SegmentProfile {
  share: number;
  /** Purchases per 30 days while alive: Gamma(shape, mean), BG/NBD's λ. */
  purchaseRateShape: number;
  purchaseRateMean: number;
  /** Per-purchase dropout probability: Beta(a, b), BG/NBD's p. */
  dropoutA: number;
  dropoutB: number;
  /** Mean order value of the segment; each customer's own mean is Gamma(4)-spread around it. */
  meanOrderValue: number;
  /** Probability that a purchase leads to a support contact, and contacts per 30 days besides. */
  contactPerPurchase: number;
  backgroundContactsPerMonth: number;
  /** Relative preference for each channel, before the customer's identities restrict it. */
  channels: Record<DemoChannel, number>;
}

export const SEGMENTS: Record<DemoSegment, SegmentProfile> = {
  consumer: {
    share: 0.72,
    purchaseRateShape: 1.3,
    purchaseRateMean: 0.36,
    dropoutA: 1.2,
    dropoutB: 8,
    meanOrderValue: 64,
    contactPerPurchase: 0.45,
    backgroundContactsPerMonth: 0.12,
    channels: { phone: 12, email: 20, chat: 22, whatsapp: 10, twitter: 16, facebook: 10, instagram: 10 },
  },
  smb: {
    share: 0.22,
    purchaseRateShape: 1.6,
    purchaseRateMean: 0.65,
    dropoutA: 1.2,
    dropoutB: 12,
    meanOrderValue: 310,
    contactPerPurchase: 0.38,
    backgroundContactsPerMonth: 0.13,
    channels: { phone: 22, email: 32, chat: 20, whatsapp: 10, twitter: 8, facebook: 5, instagram: 3 },
  },
  enterprise: {
    share: 0.06,
    purchaseRateShape: 2,
    purchaseRateMean: 1.15,
    dropoutA: 1.2,
    dropoutB: 22,
    meanOrderValue: 1850,
    contactPerPurchase: 0.3,
    backgroundContactsPerMonth: 0.15,
    channels: { phone: 35, email: 45, chat: 10, whatsapp: 4, twitter: 4, facebook: 1, instagram: 1 },
  },
};

/** Diurnal profile of when customers write, by local hour (relative weights). */
export const HOUR_WEIGHTS: readonly number[] = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 5, 5.5, 5.5, 6, 5.5, 5, 5, 5, 5, 5.5, 6, 6, 5, 3.5, 2,
];
