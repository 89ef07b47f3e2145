import {
  type CustomerRow,
  type EngagementRow,
  type IdentityRow,
  type InteractionRow,
  type TransactionRow,
} from '@resonance/sql';
import { scoreSentiment } from '../sentiment';
import {
  CHANNEL_PROFILES,
  COMPETITOR_PROFILES,
  DEMO_PUBLIC_CHANNELS,
  DEMO_SEGMENTS,
  DEMO_TRUE_EFFECTS,
  REPLY_ADJUSTMENTS,
  type ChannelProfile,
  type DemoChannel,
  type DemoSegment,
  type Experience,
} from './effects';
import { mix32, Random } from './random';
import {
  agentReplyText,
  botText,
  customerText,
  FOLLOW_UPS,
  followUpText,
  foreignReplyText,
  foreignText,
  PRODUCTS,
  TOPIC_POLARITY,
  TOPICS,
  type Polarity,
  type TextContext,
  type Topic,
} from './texts';
import {
  AGENTS_BY_CHANNEL,
  BRAND_REPLY_HANDLE,
  COMPETITORS,
  COUNTRIES,
  DEMO_BRANDS,
  DEMO_WORKSPACE,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  HOUR_WEIGHTS,
  LAST_NAMES,
  OWN_BRAND,
  SEGMENTS,
  type Agent,
  type Country,
} from './world';

export interface DemoOptions {
  workspaceId: string;
  customers: number;
  seed: number;
  /** End of the generated history: the last days hold pending messages. */
  now: Date;
}

/**
 * An interaction with its reply facts and its latest engagement snapshot already filled in: the
 * generator knows every reply and snapshot, so the load's link pass finds nothing to rewrite (it
 * still checks, and would fix any disagreement).
 */
export interface DemoInteractionRow extends InteractionRow {
  first_reply_at: string | null;
  first_reply_id: string;
  first_reply_agent: string;
  first_bot_reply_at: string | null;
  impressions: number | null;
  shares: number;
  quotes: number;
  next_at: string | null;
  next_sentiment: number | null;
}

/** Rows of one batch of entities. Run ids and versions are left blank for the loader to set. */
export interface DemoRows {
  customers: CustomerRow[];
  identities: IdentityRow[];
  interactions: DemoInteractionRow[];
  engagement: EngagementRow[];
  transactions: TransactionRow[];
}

export const DEMO_HISTORY_DAYS = 548;
/** Authors of public posts who are not customers, per customer. */
const PUBLIC_AUTHORS_PER_CUSTOMER = 0.5;
/** Customers acquired before the message history starts (their purchases go further back). */
const EXISTING_CUSTOMER_SHARE = 0.6;
/** Public posts of customers that are about a competitor rather than the own brand. */
const COMPETITOR_MENTION_SHARE = 0.12;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;

const CHANNEL_PREFIX: Record<DemoChannel, string> = {
  phone: 'ph',
  email: 'em',
  chat: 'ch',
  whatsapp: 'wa',
  twitter: 'tw',
  facebook: 'fb',
  instagram: 'ig',
};

/** The identity kind an author writes from on each channel (chat sessions are logged in by e-mail). */
const AUTHOR_KIND: Record<DemoChannel, string> = {
  phone: 'phone',
  email: 'email',
  chat: 'email',
  whatsapp: 'whatsapp',
  twitter: 'twitter',
  facebook: 'facebook',
  instagram: 'instagram',
};

const PURCHASE_TOPICS = { delivery: 0.45, product_quality: 0.25, billing: 0.15, refund: 0.1, order_change: 0.05 } as const;
const BACKGROUND_TOPICS = { login: 0.22, billing: 0.2, praise: 0.16, product_quality: 0.15, order_change: 0.1, delivery: 0.1, refund: 0.07 } as const;
const PUBLIC_AUTHOR_TOPICS = { praise: 0.22, delivery: 0.25, product_quality: 0.23, billing: 0.1, refund: 0.1, login: 0.1 } as const;
const PUBLIC_AUTHOR_BRANDS = { brightcart: 0.46, shopwave: 0.33, marketly: 0.21 } as const;
const PUBLIC_AUTHOR_WORDS = ['happy', 'tech', 'deal', 'busy', 'urban', 'the', 'real', 'just', 'daily', 'retro'] as const;
const PUBLIC_AUTHOR_NOUNS = ['shopper', 'mom', 'dad', 'gamer', 'cook', 'runner', 'reviewer', 'nerd', 'traveller', 'fan'] as const;

const BRAND_NAME: Record<string, string> = Object.fromEntries(DEMO_BRANDS.map((b) => [b.brand, b.name]));
const SEGMENT_WEIGHTS = Object.fromEntries(DEMO_SEGMENTS.map((s) => [s, SEGMENTS[s].share])) as Record<DemoSegment, number>;
const COUNTRY_WEIGHTS: Record<string, number> = Object.fromEntries(COUNTRIES.map((c, i) => [String(i), c.weight]));
const ACQUISITION = { organic: 0.4, paid_search: 0.25, referral: 0.15, social: 0.2 } as const;
const SMB_PLANS = { team: 0.7, business: 0.3 } as const;
const ENTERPRISE_PLANS = { business: 0.3, enterprise: 0.7 } as const;
const PUBLIC_AUTHOR_CHANNELS = { twitter: 0.6, instagram: 0.25, facebook: 0.15 } as const;
const FOLLOW_UP_AFTER_FAST = { thanks: 0.75, unresolved: 0.25 } as const;
const FOLLOW_UP_AFTER_SLOW = { thanks: 0.3, slowResolved: 0.5, unresolved: 0.2 } as const;
/** People complain in public more readily than they praise. */
const PUBLIC_NEGATIVE_BOOST = 1.3;
const POLARITY_BY_PLACE: Record<'private' | 'public', Record<Topic, Record<Polarity, number>>> = {
  private: TOPIC_POLARITY,
  public: Object.fromEntries(
    Object.entries(TOPIC_POLARITY).map(([topic, w]) => [topic, { ...w, negative: w.negative * PUBLIC_NEGATIVE_BOOST }]),
  ) as Record<Topic, Record<Polarity, number>>,
};
/** One shared array per topic: rows only ever read it. */
const TOPIC_LISTS = Object.fromEntries(TOPICS.map((t) => [t, Object.freeze([t])])) as unknown as Record<Topic, Topic[]>;

interface Author {
  customerId: string;
  first: string;
  segment: DemoSegment | null;
  lang: 'en' | 'es' | 'fr';
  offsetHours: number;
  handles: Partial<Record<string, { handle: string; followers: number | null }>>;
}

interface Person {
  rng: Random;
  customerId: string;
  segment: DemoSegment;
  country: Country;
  first: string;
  last: string;
  email: string;
  author: Author;
}

interface PlannedReply {
  at: number;
  agent: Agent | null;
}

interface Outcome {
  experience: Experience;
  /** Time of the first reply by a person, when there was one before `now`. */
  repliedAt: number | null;
}

/**
 * The demo workspace as a stream of row batches: customers (with their identities, messages,
 * engagement and purchases) in batches of `batchSize`, then the public authors who are not
 * customers. Each entity draws from its own seeded stream, so output is a pure function of the
 * options and memory stays bounded whatever the size.
 */
export function* generateDemo(options: DemoOptions, batchSize = 2_000): Generator<DemoRows> {
  const generator = new DemoGenerator(options);
  const publicAuthors = Math.round(options.customers * PUBLIC_AUTHORS_PER_CUSTOMER);
  for (let start = 0; start < options.customers; start += batchSize) {
    const end = Math.min(options.customers, start + batchSize);
    for (let i = start; i < end; i++) generator.customer(i);
    yield generator.take();
  }
  for (let start = 0; start < publicAuthors; start += batchSize) {
    const end = Math.min(publicAuthors, start + batchSize);
    for (let j = start; j < end; j++) generator.publicAuthor(j);
    yield generator.take();
  }
}

/**
 * Only the customers' identities, exactly as generateDemo writes them. The loader loads them first,
 * so that the messages naming those handles arrive after them and need no re-resolution.
 */
export function* generateDemoIdentities(options: DemoOptions, batchSize = 10_000): Generator<IdentityRow[]> {
  const generator = new DemoGenerator(options);
  for (let start = 0; start < options.customers; start += batchSize) {
    const end = Math.min(options.customers, start + batchSize);
    for (let i = start; i < end; i++) generator.person(i);
    yield generator.take().identities;
  }
}

class DemoGenerator {
  private rows: DemoRows = emptyRows();
  private readonly scores = new Map<string, number>();
  private readonly now: number;
  private readonly historyStart: number;
  private rng = new Random(0);
  private seq = 0;
  private idPrefix = '';

  constructor(private readonly options: DemoOptions) {
    this.now = options.now.getTime();
    this.historyStart = this.now - DEMO_HISTORY_DAYS * DAY;
  }

  take(): DemoRows {
    const rows = this.rows;
    this.rows = emptyRows();
    linkNextMessages(rows.interactions);
    return rows;
  }

  /**
   * A customer's profile and identities: the first draws of the customer's stream, so the
   * identities alone can be generated (and loaded) before anything else without running the rest.
   */
  person(index: number): Person {
    const rng = (this.rng = Random.forEntity(this.options.seed, 1, index));
    const customerId = `cus_${String(index).padStart(6, '0')}`;
    const segment = rng.weighted(SEGMENT_WEIGHTS);
    const country = pickCountry(rng);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const lang = country.lang !== 'en' && rng.chance(0.25) ? country.lang : 'en';
    const email = `${first}.${last}${index}@${segment === 'consumer' ? rng.pick(EMAIL_DOMAINS) : `${last}-${segment === 'smb' ? 'studio' : 'group'}.com`}`;
    const author: Author = { customerId, first: capitalise(first), segment, lang, offsetHours: country.utcOffsetHours, handles: {} };
    author.handles.email = { handle: email, followers: null };
    if (rng.chance(0.85)) {
      const phone = e164(country, index);
      author.handles.phone = { handle: phone, followers: null };
      if (rng.chance(segment === 'enterprise' ? 0.15 : 0.5)) author.handles.whatsapp = { handle: phone, followers: null };
    }
    const social = { consumer: 1, smb: 0.6, enterprise: 0.25 }[segment];
    if (rng.chance(0.4 * social)) author.handles.twitter = { handle: `${first}_${last}${index}`, followers: followers(rng) };
    if (rng.chance(0.35 * social)) author.handles.facebook = { handle: `${first}.${last}.${index}`, followers: followers(rng) };
    if (rng.chance(0.3 * social)) author.handles.instagram = { handle: `${first}${last}_${index}`, followers: followers(rng) };
    for (const [kind, identity] of Object.entries(author.handles)) {
      this.rows.identities.push({ workspace_id: this.options.workspaceId, kind, handle: identity!.handle, customer_id: customerId, followers: identity!.followers, version: 0 });
    }
    return { rng, customerId, segment, country, first, last, email, author };
  }

  customer(index: number): void {
    const { rng, customerId, segment, country, first, last, email, author } = this.person(index);
    const profile = SEGMENTS[segment];
    this.seq = 0;
    this.idPrefix = String(index);

    const firstSeen = rng.chance(EXISTING_CUSTOMER_SHARE)
      ? this.historyStart - rng.next() * DEMO_HISTORY_DAYS * DAY
      : this.historyStart + Math.pow(rng.next(), 0.8) * (this.now - this.historyStart - HOUR);
    const purchaseRate = rng.gamma(profile.purchaseRateShape, profile.purchaseRateMean / profile.purchaseRateShape) / MONTH;
    const dropout = rng.beta(profile.dropoutA, profile.dropoutB);
    const meanOrder = profile.meanOrderValue * rng.gamma(4, 0.25);

    // The repeat-purchase process (BG/NBD: Poisson purchases while alive, dropout after each
    // repeat purchase), with contacts in between whose experience shifts dropout and spend.
    let alive = true;
    let experience: Experience = 'none';
    let purchases = 0;
    let lastPurchase = firstSeen;
    let lastAmount = 0;
    let refunds = 0;
    let nextPurchase = firstSeen;
    let nextBackground = Math.max(firstSeen, this.historyStart) + rng.exponential(MONTH / profile.backgroundContactsPerMonth);
    const triggered: { at: number; topic: Topic }[] = [];
    for (;;) {
      const nextTriggered = triggered.length > 0 ? triggered[0]!.at : Infinity;
      const at = Math.min(alive ? nextPurchase : Infinity, alive ? nextBackground : Infinity, nextTriggered);
      if (at >= this.now) break;
      if (alive && at === nextPurchase) {
        const amount = roundCents(Math.max(4.99, meanOrder * rng.gamma(3, 1 / 3) * DEMO_TRUE_EFFECTS.spendMultiplier[experience]));
        this.transaction(customerId, at, 'purchase', amount, purchases);
        purchases++;
        lastPurchase = at;
        lastAmount = amount;
        if (at >= this.historyStart && rng.chance(profile.contactPerPurchase)) {
          insertSorted(triggered, { at: at + rng.logNormal(3 * DAY, 0.6), topic: rng.weighted(PURCHASE_TOPICS) });
        }
        if (purchases > 1 && rng.chance(Math.min(1, dropout * DEMO_TRUE_EFFECTS.dropoutMultiplier[experience]))) alive = false;
        nextPurchase = at + rng.exponential(1 / purchaseRate);
        continue;
      }
      let topic: Topic;
      if (at === nextTriggered) topic = triggered.shift()!.topic;
      else {
        topic = rng.weighted(BACKGROUND_TOPICS);
        nextBackground = at + rng.exponential(MONTH / profile.backgroundContactsPerMonth);
      }
      const when = atLocalHour(at, author.offsetHours, rng);
      if (when >= this.now || when < this.historyStart) continue;
      const channel = this.pickChannel(rng, profile.channels, author, topic);
      const isPublic = DEMO_PUBLIC_CHANNELS.includes(channel);
      const brand = isPublic && topic !== 'praise' && rng.chance(COMPETITOR_MENTION_SHARE) ? rng.pick(COMPETITORS) : OWN_BRAND;
      const outcome = this.thread(author, when, channel, brand, topic);
      if (brand !== OWN_BRAND) continue;
      experience = outcome.experience;
      if (experience === 'missed_negative' && alive && rng.chance(DEMO_TRUE_EFFECTS.churnAfterMissedNegative)) alive = false;
      if (topic === 'refund' && outcome.repliedAt !== null && purchases > 0 && rng.chance(0.7)) {
        const refundAt = outcome.repliedAt + rng.uniform(1, 5) * DAY;
        if (refundAt < this.now) this.transaction(customerId, refundAt, 'refund', -lastAmount, refunds++);
      }
    }

    const attributes: Record<string, string> = {
      acquisition: rng.weighted(ACQUISITION),
      marketing_opt_in: rng.chance(0.55) ? 'true' : 'false',
    };
    if (segment === 'smb') attributes.plan = rng.weighted(SMB_PLANS);
    if (segment === 'enterprise') attributes.plan = rng.weighted(ENTERPRISE_PLANS);
    this.rows.customers.push({
      workspace_id: this.options.workspaceId,
      customer_id: customerId,
      name: `${capitalise(first)} ${capitalise(last)}`,
      email,
      segment,
      lifecycle_stage: lifecycleStage(this.now, firstSeen, lastPurchase),
      country: country.code,
      first_seen_at: chTime(firstSeen),
      attributes,
      source: 'demo',
      version: 0,
    });
  }

  /** Someone who posts about the brands in public but is not a known customer. */
  publicAuthor(index: number): void {
    const rng = (this.rng = Random.forEntity(this.options.seed, 2, index));
    this.seq = 0;
    this.idPrefix = `p${index}`;
    const channel = rng.weighted(PUBLIC_AUTHOR_CHANNELS);
    const author: Author = {
      customerId: '',
      first: 'there',
      segment: null,
      lang: 'en',
      offsetHours: rng.pick(COUNTRIES).utcOffsetHours,
      handles: { [channel]: { handle: `${rng.pick(PUBLIC_AUTHOR_WORDS)}_${rng.pick(PUBLIC_AUTHOR_NOUNS)}${index}`, followers: followers(rng) } },
    };
    const posts = 1 + rng.poisson(1.2);
    for (let k = 0; k < posts; k++) {
      const at = atLocalHour(this.historyStart + Math.sqrt(rng.next()) * (this.now - this.historyStart), author.offsetHours, rng);
      if (at >= this.now) continue;
      this.thread(author, at, channel, rng.weighted(PUBLIC_AUTHOR_BRANDS), rng.weighted(PUBLIC_AUTHOR_TOPICS));
    }
  }

  private pickChannel(rng: Random, preference: Record<DemoChannel, number>, author: Author, topic: Topic): DemoChannel {
    const weights = {} as Record<DemoChannel, number>;
    for (const channel of Object.keys(preference) as DemoChannel[]) {
      const available = author.handles[AUTHOR_KIND[channel]] !== undefined;
      const publicBoost = topic === 'praise' && DEMO_PUBLIC_CHANNELS.includes(channel) ? 4 : 1;
      weights[channel] = available ? preference[channel] * publicBoost : 0;
    }
    return rng.weighted(weights);
  }

  /**
   * One conversation: the opening message, maybe a bot acknowledgement, maybe the brand's reply,
   * and the customer's follow-up (thanks, still broken, or a nudge when nobody answered).
   */
  private thread(author: Author, at: number, channel: DemoChannel, brand: string, topic: Topic): Outcome {
    const rng = this.rng;
    const isPublic = DEMO_PUBLIC_CHANNELS.includes(channel);
    const polarity = rng.weighted(POLARITY_BY_PLACE[isPublic ? 'public' : 'private'][topic]);
    const ctx: TextContext = {
      brand: isPublic ? (channel === 'facebook' ? BRAND_NAME[brand]! : `@${brand}`) : BRAND_NAME[brand]!,
      product: rng.pick(PRODUCTS),
      first: author.first,
    };
    const text = author.lang === 'en' ? customerText(rng, topic, polarity, ctx) : foreignText(rng, author.lang, polarity, ctx);
    const opening = this.message(author, channel, brand, 'inbound', at, '', '', text, topic);
    const negative = opening.sentiment !== null ? opening.sentiment <= -0.05 : polarity === 'negative';
    if (isPublic) this.engagement(opening, at, negative);

    const profile = CHANNEL_PROFILES[channel];
    const botAt = at + rng.uniform(3, 40) * 1000;
    if (brand === OWN_BRAND && profile.botProbability > 0 && rng.chance(profile.botProbability) && botAt < this.now) {
      const bot = this.message(author, channel, brand, 'outbound', botAt, opening.thread_id, opening.interaction_id, botText(rng, channel as 'email' | 'chat' | 'whatsapp', ctx, !isStaffed(profile, at)), topic);
      bot.is_automated = true;
      bot.agent = 'bot';
      bot.author_kind = 'bot';
      opening.first_bot_reply_at = bot.created_at;
    }

    const planned = this.replyTime(author, channel, brand, at, negative && isPublic, 0);
    if (planned === null) {
      // Nobody answered: some customers nudge, and the nudge may get an apology.
      if (rng.chance(isPublic ? 0.3 : 0.4)) {
        const nudgeAt = at + rng.logNormal(2 * DAY, 0.5);
        if (nudgeAt < this.now) {
          const nudge = this.message(author, channel, brand, 'inbound', nudgeAt, opening.thread_id, opening.interaction_id, this.followUp(channel === 'phone' ? 'callAgain' : 'nudge', ctx, ''), topic);
          if (isPublic) this.engagement(nudge, nudgeAt, nudge.sentiment === null || nudge.sentiment <= -0.05);
          const apology = this.replyTime(author, channel, brand, nudgeAt, isPublic, 0.05);
          if (apology !== null) this.reply(author, channel, brand, apology, nudge, topic, ctx, 'apology');
        }
      }
      return { experience: negative ? 'missed_negative' : 'missed', repliedAt: null };
    }
    const replyAt = planned.at;
    const reply = this.reply(author, channel, brand, planned, opening, topic, ctx, 'answer', polarity === 'positive');
    const fast = replyAt - at <= DEMO_TRUE_EFFECTS.fastReplyHours * HOUR;
    if (!isPublic && brand === OWN_BRAND && rng.chance(0.3)) {
      const mean = (fast ? 4.4 : 3.2) - (negative ? 0.6 : 0);
      opening.csat = Math.min(5, Math.max(1, Math.round(mean + 0.9 * rng.normal())));
    }
    if (rng.chance(isPublic ? 0.3 : 0.45)) {
      const followAt = replyAt + rng.logNormal(isPublic ? 3 * HOUR : 40 * MINUTE, 1);
      if (followAt < this.now) {
        const kind = fast ? rng.weighted(FOLLOW_UP_AFTER_FAST) : rng.weighted(FOLLOW_UP_AFTER_SLOW);
        const follow = this.message(author, channel, brand, 'inbound', followAt, opening.thread_id, reply.interaction_id, this.followUp(kind, ctx, planned.agent?.first ?? ''), topic);
        if (isPublic) this.engagement(follow, followAt, follow.sentiment !== null && follow.sentiment <= -0.05);
        // A thank-you is sometimes acknowledged; a complaint that the answer did not help is answered like any message.
        if (kind !== 'thanks' || rng.chance(0.3)) {
          const again = this.replyTime(author, channel, brand, followAt, false, 0);
          if (again !== null) this.reply(author, channel, brand, again, follow, topic, ctx, kind === 'thanks' ? 'closing' : 'answer');
        }
      }
    }
    return { experience: fast ? 'answered_fast' : 'answered_slow', repliedAt: replyAt };
  }

  private followUp(kind: keyof typeof FOLLOW_UPS, ctx: TextContext, agentFirst: string): string {
    return followUpText(this.rng, kind, ctx, agentFirst);
  }

  /** When and by whom the brand's person-written reply comes, or null if it never does (before `now`). */
  private replyTime(author: Author, channel: DemoChannel, brand: string, at: number, negativePublic: boolean, bonus: number): PlannedReply | null {
    const rng = this.rng;
    const profile = CHANNEL_PROFILES[channel];
    let probability: number;
    let median: number;
    if (brand === OWN_BRAND) {
      probability = profile.replyProbability + bonus + (author.segment ? REPLY_ADJUSTMENTS.segment[author.segment] : 0) + (negativePublic ? REPLY_ADJUSTMENTS.negativePublic : 0);
      median = profile.replyMedianMinutes;
    } else {
      const competitor = COMPETITOR_PROFILES[brand as keyof typeof COMPETITOR_PROFILES];
      probability = competitor.replyProbability + bonus;
      median = competitor.replyMedianMinutes;
    }
    if (!rng.chance(Math.min(0.98, Math.max(0, probability)))) return null;
    const staffed = isStaffed(profile, at);
    // A call or chat out of hours becomes a voicemail or offline message, answered like a ticket.
    if (!staffed && (channel === 'phone' || channel === 'chat')) median = 40;
    // Competitors' agents are not visible to the workspace: their replies carry no agent.
    const agent = brand === OWN_BRAND ? rng.pick(AGENTS_BY_CHANNEL[channel]) : null;
    let minutes = rng.logNormal(median, profile.replySigma) * (agent ? agent.speed : 1);
    if (isWeekend(at)) minutes *= profile.weekendSlowdown;
    const replyAt = Math.max(at + 1000, addStaffedMinutes(at, minutes, profile));
    return replyAt < this.now ? { at: replyAt, agent } : null;
  }

  private reply(author: Author, channel: DemoChannel, brand: string, planned: PlannedReply, parent: DemoInteractionRow, topic: Topic, ctx: TextContext, kind: 'answer' | 'closing' | 'apology', positive = false): DemoInteractionRow {
    const isPublic = DEMO_PUBLIC_CHANNELS.includes(channel);
    const { agent } = planned;
    // Public replies are signed with the agent's initials, as social teams do.
    const signature = isPublic && agent ? `${agent.id[0]!.toUpperCase()}${agent.id[agent.id.length - 1]!.toUpperCase()}` : '';
    const text = author.lang === 'en' ? agentReplyText(this.rng, topic, ctx, kind, signature, positive) : foreignReplyText(author.lang, author.first);
    const row = this.message(author, channel, brand, 'outbound', planned.at, parent.thread_id, parent.interaction_id, text, topic);
    row.agent = agent ? agent.id : '';
    // Every message gets at most one person-written reply here, so it is the first.
    parent.first_reply_at = row.created_at;
    parent.first_reply_id = row.interaction_id;
    parent.first_reply_agent = row.agent;
    return row;
  }

  private message(author: Author, channel: DemoChannel, brand: string, direction: 'inbound' | 'outbound', at: number, threadId: string, parentId: string, text: string, topic: Topic): DemoInteractionRow {
    const id = `${CHANNEL_PREFIX[channel]}-${this.idPrefix}-${this.seq++}`;
    const isPublic = DEMO_PUBLIC_CHANNELS.includes(channel);
    const identity = author.handles[AUTHOR_KIND[channel]];
    const lang = author.lang;
    const sentiment = lang === 'en' ? this.score(text) : null;
    const row: DemoInteractionRow = {
      workspace_id: this.options.workspaceId,
      interaction_id: id,
      source: 'demo',
      brand,
      channel,
      direction,
      is_public: isPublic,
      created_at: chTime(at),
      thread_id: threadId || id,
      parent_id: parentId,
      author_kind: direction === 'inbound' ? AUTHOR_KIND[channel] : 'agent',
      author_handle: direction === 'inbound' ? (identity?.handle ?? '') : isPublic ? BRAND_REPLY_HANDLE[brand]! : brand,
      author_followers: direction === 'inbound' && isPublic ? (identity?.followers ?? null) : null,
      customer_id: author.customerId,
      agent: '',
      is_automated: false,
      text,
      lang,
      sentiment,
      sentiment_source: sentiment === null ? '' : 'vader',
      topics: TOPIC_LISTS[topic],
      csat: null,
      first_reply_at: null,
      first_reply_id: '',
      first_reply_agent: '',
      first_bot_reply_at: null,
      impressions: null,
      shares: 0,
      quotes: 0,
      next_at: null,
      next_sentiment: null,
      ingest_run_id: '',
      version: 0,
    };
    this.rows.interactions.push(row);
    return row;
  }

  /**
   * Two snapshots of a public post's reach, two hours and three days after it (those before `now`).
   * Heavy tails: followers are Pareto, impressions log-normal around them, and negative posts
   * travel further (DEMO_TRUE_EFFECTS).
   */
  private engagement(post: DemoInteractionRow, postedAt: number, negative: boolean): void {
    const rng = this.rng;
    const effects = DEMO_TRUE_EFFECTS;
    const followerCount = post.author_followers ?? 50;
    const viral = rng.chance(0.004) ? rng.logNormal(30, 1) : 1;
    const reach = followerCount * rng.logNormal(0.8, 1) * (negative ? effects.negativeImpressionsMultiplier : 1) * viral;
    const shareRate = negative ? effects.negativeShareRateMultiplier : 1;
    const final = {
      impressions: Math.max(1, Math.round(reach)),
      likes: rng.poisson(reach * (negative ? 0.01 : 0.03)),
      shares: rng.poisson(reach * 0.002 * shareRate),
      quotes: rng.poisson(reach * 0.0006 * shareRate),
      replies: rng.poisson(reach * 0.002),
    };
    // Facebook gives no impressions for personal posts: reach falls back to the author's followers.
    const hasImpressions = post.channel !== 'facebook';
    for (const [after, fraction] of [[2 * HOUR, 0.4], [72 * HOUR, 1]] as const) {
      const captured = postedAt + after;
      if (captured >= this.now) break;
      const snapshot: EngagementRow = {
        workspace_id: this.options.workspaceId,
        interaction_id: post.interaction_id,
        captured_at: chTime(captured),
        likes: Math.floor(final.likes * fraction),
        shares: Math.floor(final.shares * fraction),
        quotes: Math.floor(final.quotes * fraction),
        replies: Math.floor(final.replies * fraction),
        impressions: hasImpressions ? Math.floor(final.impressions * fraction) : null,
      };
      this.rows.engagement.push(snapshot);
      // The latest snapshot wins, on the post's row too (what the link pass would write).
      post.impressions = snapshot.impressions;
      post.shares = snapshot.shares;
      post.quotes = snapshot.quotes;
    }
  }

  private transaction(customerId: string, at: number, kind: 'purchase' | 'refund', amount: number, index: number): void {
    this.rows.transactions.push({
      workspace_id: this.options.workspaceId,
      transaction_id: `${kind === 'purchase' ? 'tx' : 'rf'}-${customerId.slice(4)}-${index}`,
      customer_id: customerId,
      occurred_at: chTime(at),
      kind,
      amount: amount.toFixed(2),
      currency: DEMO_WORKSPACE.currency,
      source: 'demo',
      ingest_run_id: '',
      version: 0,
    });
  }

  /** VADER compound, memoised: template texts repeat. */
  private score(text: string): number {
    let score = this.scores.get(text);
    if (score === undefined) {
      score = scoreSentiment(text);
      this.scores.set(text, score);
    }
    return score;
  }
}

const DATES = new Map<number, string>();
const PAD = Array.from({ length: 1000 }, (_v, i) => String(i).padStart(3, '0'));

/**
 * toClickHouseTime for generated times ('YYYY-MM-DD hh:mm:ss.sss' UTC), with the date part cached
 * per day: it runs for every row and Date#toISOString dominated the generator's profile.
 */
export function chTime(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let date = DATES.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    DATES.set(day, date);
  }
  let rest = whole - day * DAY;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${date} ${PAD[hours]!.slice(1)}:${PAD[minutes]!.slice(1)}:${PAD[seconds]!.slice(1)}.${PAD[millis]}`;
}

/**
 * Each inbound message's next one by the same author in its thread (what the load's thread pass
 * writes: load/link_rows.sql), so that pass finds nothing to rewrite. A batch holds whole
 * authors, so every thread whole.
 */
function linkNextMessages(rows: DemoInteractionRow[]): void {
  const threads = new Map<string, DemoInteractionRow[]>();
  for (const row of rows) {
    if (row.direction !== 'inbound') continue;
    const key = `${row.thread_id}\u0000${row.customer_id !== '' ? row.customer_id : row.author_handle}`;
    let thread = threads.get(key);
    if (!thread) threads.set(key, (thread = []));
    thread.push(row);
  }
  for (const thread of threads.values()) {
    // In time, then by id: ClickHouse's order (the times are zero-padded text, the ids ASCII).
    thread.sort((a, b) =>
      a.created_at !== b.created_at
        ? a.created_at < b.created_at ? -1 : 1
        : a.interaction_id < b.interaction_id ? -1 : a.interaction_id > b.interaction_id ? 1 : 0,
    );
    thread.forEach((row, i) => {
      const next = thread[i + 1];
      row.next_at = next ? next.created_at : null;
      row.next_sentiment = next ? next.sentiment : null;
    });
  }
}

function emptyRows(): DemoRows {
  return { customers: [], identities: [], interactions: [], engagement: [], transactions: [] };
}

function pickCountry(rng: Random): Country {
  return COUNTRIES[Number(rng.weighted(COUNTRY_WEIGHTS))]!;
}

/** A unique, well-formed E.164 number per customer index. */
function e164(country: Country, index: number): string {
  const subscriber = String(index).padStart(7, '0');
  const area = 201 + (mix32(index) % 700);
  return `+${country.callingCode}${area}${subscriber}`;
}

/** Followers of a social handle: Pareto, most have a few dozen, a few have hundreds of thousands. */
function followers(rng: Random): number {
  return Math.min(2_000_000, Math.floor(rng.pareto(20, 1.1)));
}

/** Moves a time to a customer-like local hour of the same day (or the next, if that is earlier). */
function atLocalHour(at: number, offsetHours: number, rng: Random): number {
  const offset = offsetHours * HOUR;
  const dayStart = Math.floor((at + offset) / DAY) * DAY - offset;
  let hour = 0;
  let x = rng.next() * HOUR_TOTAL;
  while (hour < 23 && (x -= HOUR_WEIGHTS[hour]!) >= 0) hour++;
  const local = dayStart + hour * HOUR + rng.next() * HOUR;
  return local >= at ? local : local + DAY;
}

const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const WORKSPACE_OFFSET = DEMO_WORKSPACE.utcOffsetHours * HOUR;

/** ISO weekday (1 = Monday) of a time on the workspace clock. 1970-01-01 was a Thursday. */
function isoWeekday(at: number): number {
  return ((Math.floor((at + WORKSPACE_OFFSET) / DAY) + 3) % 7 + 7) % 7 + 1;
}

function isWeekend(at: number): boolean {
  return isoWeekday(at) >= 6;
}

function isStaffed(profile: ChannelProfile, at: number): boolean {
  const local = at + WORKSPACE_OFFSET;
  const hour = (local - Math.floor(local / DAY) * DAY) / HOUR;
  return profile.staffed.days.includes(isoWeekday(at)) && hour >= profile.staffed.from && hour < profile.staffed.to;
}

/** Adds working minutes: the clock only runs while the channel is staffed. */
export function addStaffedMinutes(at: number, minutes: number, profile: ChannelProfile): number {
  let remaining = minutes * MINUTE;
  let t = at;
  for (let guard = 0; guard < 1000; guard++) {
    const local = t + WORKSPACE_OFFSET;
    const dayStart = Math.floor(local / DAY) * DAY;
    const open = dayStart + profile.staffed.from * HOUR;
    const close = dayStart + profile.staffed.to * HOUR;
    if (profile.staffed.days.includes(isoWeekday(t)) && local < close) {
      const from = Math.max(local, open);
      if (remaining <= close - from) return from + remaining - WORKSPACE_OFFSET;
      remaining -= close - from;
    }
    t = dayStart + DAY - WORKSPACE_OFFSET;
  }
  return t;
}

function lifecycleStage(now: number, firstSeen: number, lastPurchase: number): string {
  if (now - firstSeen <= 60 * DAY) return 'new';
  if (now - lastPurchase <= 90 * DAY) return 'active';
  if (now - lastPurchase <= 180 * DAY) return 'lapsing';
  return 'churned';
}

function insertSorted(list: { at: number; topic: Topic }[], item: { at: number; topic: Topic }): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.at > item.at) i--;
  list.splice(i, 0, item);
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function capitalise(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1);
}
