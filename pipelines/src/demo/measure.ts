import { DEMO_TRUE_EFFECTS, type DemoSegment, type Experience } from './effects';
import { generateDemo, type DemoOptions } from './generator';
import { OWN_BRAND } from './world';

/**
 * What the generated rows show, computed from the generator's output without a database: the
 * figures README.md quotes and that analyses of the loaded workspace should find again.
 */
export interface DemoMeasurement {
  rows: { customers: number; identities: number; interactions: number; engagement: number; transactions: number; unscored: number };
  /** Own brand, inbound messages older than the SLA: share with a person-written reply, FRT quantiles in minutes. */
  response: Record<string, { inbound: number; rate: number; frtP50Minutes: number; frtP90Minutes: number }>;
  /** Inbound public mentions per brand ÷ all (share of voice). */
  shareOfVoice: Record<string, number>;
  /** Median reach (final impressions, else the author's followers) of public inbound posts. */
  medianReach: { negative: number; other: number };
  /**
   * Per segment and experience of the customer's first own-brand contact (at least 180 days
   * before now, so all had the same time to buy again): customers, share who bought again, and
   * the mean number and value of purchases after the contact.
   */
  serviceValue: Record<string, Partial<Record<Experience, { customers: number; boughtAgain: number; purchasesAfter: number; meanOrderAfter: number }>>>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ms = (time: string) => Date.parse(`${time.replace(' ', 'T')}Z`);

export function measureDemo(options: DemoOptions): DemoMeasurement {
  const now = options.now.getTime();
  const slaCutoff = now - DEMO_TRUE_EFFECTS.slaHours * HOUR;
  const contactCutoff = now - 180 * DAY;
  const rows = { customers: 0, identities: 0, interactions: 0, engagement: 0, transactions: 0, unscored: 0 };
  const frt = new Map<string, { inbound: number; minutes: number[] }>();
  const mentions = new Map<string, number>();
  const reach = { negative: [] as number[], other: [] as number[] };
  const value = new Map<string, { customers: number; bought: number; purchases: number; amount: number }>();

  for (const batch of generateDemo(options)) {
    rows.customers += batch.customers.length;
    rows.identities += batch.identities.length;
    rows.interactions += batch.interactions.length;
    rows.engagement += batch.engagement.length;
    rows.transactions += batch.transactions.length;
    const impressions = new Map<string, number | null>();
    for (const e of batch.engagement) impressions.set(e.interaction_id, e.impressions);
    const segmentOf = new Map(batch.customers.map((c) => [c.customer_id, c.segment as DemoSegment]));
    const firstContact = new Map<string, { at: number; experience: Experience }>();

    for (const r of batch.interactions) {
      if (r.sentiment === null) rows.unscored++;
      if (r.direction !== 'inbound') continue;
      const at = ms(r.created_at);
      if (r.is_public) {
        mentions.set(r.brand, (mentions.get(r.brand) ?? 0) + 1);
        if (r.sentiment !== null) {
          const seen = impressions.get(r.interaction_id) ?? r.author_followers ?? 0;
          (r.sentiment <= -0.05 ? reach.negative : reach.other).push(seen);
        }
      }
      if (r.brand !== OWN_BRAND) continue;
      const minutes = r.first_reply_at === null ? null : (ms(r.first_reply_at) - at) / 60_000;
      if (at < slaCutoff) {
        let channel = frt.get(r.channel);
        if (!channel) frt.set(r.channel, (channel = { inbound: 0, minutes: [] }));
        channel.inbound++;
        if (minutes !== null) channel.minutes.push(minutes);
      }
      if (r.parent_id !== '' || r.customer_id === '' || r.sentiment === null || at > contactCutoff) continue;
      const previous = firstContact.get(r.customer_id);
      if (previous && previous.at <= at) continue;
      const experience: Experience =
        minutes === null ? (r.sentiment <= -0.05 ? 'missed_negative' : 'missed') : minutes <= DEMO_TRUE_EFFECTS.fastReplyHours * 60 ? 'answered_fast' : 'answered_slow';
      firstContact.set(r.customer_id, { at, experience });
    }

    const after = new Map<string, { purchases: number; amount: number }>();
    for (const t of batch.transactions) {
      const contact = firstContact.get(t.customer_id);
      if (t.kind !== 'purchase' || !contact || ms(t.occurred_at) <= contact.at + DAY) continue;
      const total = after.get(t.customer_id) ?? { purchases: 0, amount: 0 };
      total.purchases++;
      total.amount += Number(t.amount);
      after.set(t.customer_id, total);
    }
    for (const [customerId, contact] of firstContact) {
      const key = `${segmentOf.get(customerId)}/${contact.experience}`;
      const cell = value.get(key) ?? { customers: 0, bought: 0, purchases: 0, amount: 0 };
      const bought = after.get(customerId);
      cell.customers++;
      if (bought) {
        cell.bought++;
        cell.purchases += bought.purchases;
        cell.amount += bought.amount;
      }
      value.set(key, cell);
    }
  }

  const response: DemoMeasurement['response'] = {};
  for (const [channel, { inbound, minutes }] of [...frt].sort()) {
    minutes.sort((a, b) => a - b);
    response[channel] = { inbound, rate: round(minutes.length / inbound), frtP50Minutes: round(quantile(minutes, 0.5)), frtP90Minutes: round(quantile(minutes, 0.9)) };
  }
  const totalMentions = [...mentions.values()].reduce((a, b) => a + b, 0);
  const shareOfVoice = Object.fromEntries([...mentions].sort().map(([brand, n]) => [brand, round(n / totalMentions)]));
  const serviceValue: DemoMeasurement['serviceValue'] = {};
  for (const [key, cell] of [...value].sort()) {
    const [segment, experience] = key.split('/') as [string, Experience];
    (serviceValue[segment] ??= {})[experience] = {
      customers: cell.customers,
      boughtAgain: round(cell.bought / cell.customers),
      purchasesAfter: round(cell.purchases / cell.customers),
      meanOrderAfter: cell.purchases === 0 ? 0 : round(cell.amount / cell.purchases),
    };
  }
  return {
    rows,
    response,
    shareOfVoice,
    medianReach: { negative: median(reach.negative), other: median(reach.other) },
    serviceValue,
  };
}

/** Linear interpolation between order statistics (as the overview SQL does). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function median(values: number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
