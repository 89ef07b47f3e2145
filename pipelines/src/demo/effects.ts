/**
 * The true effects the demo generator plants, as numbers. Later analysis (response rates, FRT,
 * amplification, CLV by service experience) is checked against these; README.md explains each.
 */

/** Channels the demo writes; phone, e-mail, chat and WhatsApp are private, the others public. */
export const DEMO_CHANNELS = ['phone', 'email', 'chat', 'whatsapp', 'twitter', 'facebook', 'instagram'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];
export const DEMO_PUBLIC_CHANNELS: readonly DemoChannel[] = ['twitter', 'facebook', 'instagram'];

export const DEMO_SEGMENTS = ['consumer', 'smb', 'enterprise'] as const;
export type DemoSegment = (typeof DEMO_SEGMENTS)[number];

/**
 * Service experience of one contact, decided by the opening message of a thread of the own brand
 * (DESIGN.md "Service experience"; fast = first reply within SLA/4).
 */
export const EXPERIENCES = ['none', 'answered_fast', 'answered_slow', 'missed', 'missed_negative'] as const;
export type Experience = (typeof EXPERIENCES)[number];

export const DEMO_TRUE_EFFECTS = {
  slaHours: 24,
  /** A reply within this many hours is "fast" (SLA / 4). */
  fastReplyHours: 6,
  /**
   * Multiplier on the per-purchase dropout probability (BG/NBD's p) after a contact, by the
   * experience of the customer's latest own-brand contact. It holds until the next contact.
   */
  dropoutMultiplier: {
    none: 1,
    answered_fast: 0.4,
    answered_slow: 1.2,
    missed: 1.4,
    missed_negative: 2.5,
  } satisfies Record<Experience, number>,
  /** Probability that a customer leaves for good the day after a missed negative message. */
  churnAfterMissedNegative: 0.4,
  /** Multiplier on the amount of every later purchase, by the latest experience. */
  spendMultiplier: {
    none: 1,
    answered_fast: 1.1,
    answered_slow: 1,
    missed: 0.95,
    missed_negative: 0.85,
  } satisfies Record<Experience, number>,
  /** Median impressions of a negative public post ÷ those of other posts by an author with as many followers. */
  negativeImpressionsMultiplier: 3,
  /** Shares and quotes per impression of a negative post ÷ those of other posts. */
  negativeShareRateMultiplier: 3,
} as const;

export interface ChannelProfile {
  /** Probability that the own brand replies to an opening message (before the segment / sentiment adjustments). */
  replyProbability: number;
  /** Median and log-sd of the staffed minutes an agent takes to reply. */
  replyMedianMinutes: number;
  replySigma: number;
  /** Hours of the workspace's (fixed UTC−5) clock the channel is staffed, and on which ISO weekdays. */
  staffed: { days: readonly number[]; from: number; to: number };
  /** Probability of an automated acknowledgement (not a reply, DESIGN.md). */
  botProbability: number;
  /** Staffed minutes are this much slower on weekends (skeleton crew). */
  weekendSlowdown: number;
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKDAYS = [1, 2, 3, 4, 5] as const;

export const CHANNEL_PROFILES: Record<DemoChannel, ChannelProfile> = {
  phone: { replyProbability: 0.92, replyMedianMinutes: 1.5, replySigma: 0.8, staffed: { days: [1, 2, 3, 4, 5, 6], from: 8, to: 20 }, botProbability: 0, weekendSlowdown: 1.5 },
  chat: { replyProbability: 0.94, replyMedianMinutes: 1.2, replySigma: 0.7, staffed: { days: EVERY_DAY, from: 8, to: 22 }, botProbability: 0.6, weekendSlowdown: 1.5 },
  whatsapp: { replyProbability: 0.86, replyMedianMinutes: 25, replySigma: 1, staffed: { days: EVERY_DAY, from: 8, to: 20 }, botProbability: 0.5, weekendSlowdown: 2 },
  email: { replyProbability: 0.9, replyMedianMinutes: 150, replySigma: 1, staffed: { days: WEEKDAYS, from: 9, to: 17 }, botProbability: 0.8, weekendSlowdown: 1 },
  twitter: { replyProbability: 0.5, replyMedianMinutes: 90, replySigma: 1.1, staffed: { days: EVERY_DAY, from: 8, to: 20 }, botProbability: 0, weekendSlowdown: 2.5 },
  facebook: { replyProbability: 0.42, replyMedianMinutes: 160, replySigma: 1.1, staffed: { days: EVERY_DAY, from: 8, to: 20 }, botProbability: 0, weekendSlowdown: 2.5 },
  instagram: { replyProbability: 0.32, replyMedianMinutes: 240, replySigma: 1.2, staffed: { days: EVERY_DAY, from: 8, to: 20 }, botProbability: 0, weekendSlowdown: 2.5 },
};

/** Reply-probability adjustments of the own brand, added to the channel's and clamped to [0, 0.98]. */
export const REPLY_ADJUSTMENTS = {
  segment: { consumer: -0.03, smb: 0.02, enterprise: 0.06 } satisfies Record<DemoSegment, number>,
  /** Social teams prioritise complaints. */
  negativePublic: 0.08,
} as const;

/** How the two competitors answer their public mentions (response rate and median minutes). */
export const COMPETITOR_PROFILES = {
  shopwave: { replyProbability: 0.66, replyMedianMinutes: 45 },
  marketly: { replyProbability: 0.2, replyMedianMinutes: 400 },
} as const;
