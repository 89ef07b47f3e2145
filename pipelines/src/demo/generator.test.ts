import { createHash } from 'node:crypto';
import { DEMO_CHANNELS, CHANNEL_PROFILES } from './effects';
import { addStaffedMinutes, chTime, generateDemo, generateDemoIdentities, type DemoInteractionRow, type DemoOptions } from './generator';
import { measureDemo } from './measure';
import { Random } from './random';
import { toClickHouseTime } from '@resonance/sql';

const NOW = new Date('2026-06-15T15:30:00.000Z');
const DAY = 86_400_000;

function hashOf(options: DemoOptions): string {
  const hash = createHash('sha256');
  for (const rows of generateDemo(options, 97)) hash.update(JSON.stringify(rows));
  return hash.digest('hex');
}

function collect(options: DemoOptions) {
  const all = { customers: 0, identities: 0, interactions: [] as DemoInteractionRow[], transactions: [] as { customer_id: string; occurred_at: string; kind: string }[] };
  for (const rows of generateDemo(options)) {
    all.customers += rows.customers.length;
    all.identities += rows.identities.length;
    all.interactions.push(...rows.interactions);
    all.transactions.push(...rows.transactions);
  }
  return all;
}

const ms = (time: string) => Date.parse(`${time.replace(' ', 'T')}Z`);

describe('generateDemo', () => {
  it('gives identical rows for the same seed and now, and different rows for another seed', () => {
    const options = { workspaceId: 'demo', customers: 400, seed: 7, now: NOW };
    const first = hashOf(options);
    expect(hashOf(options)).toBe(first);
    expect(hashOf({ ...options, seed: 8 })).not.toBe(first);
  });

  it('generates the identities alone exactly as with everything else', () => {
    const options = { workspaceId: 'demo', customers: 300, seed: 12, now: NOW };
    const alone = [...generateDemoIdentities(options, 64)].flat();
    const withAll = [...generateDemo(options)].flatMap((rows) => rows.identities);
    expect(alone).toEqual(withAll);
    expect(alone.length).toBeGreaterThan(300);
  });

  it('does not change a customer when more customers are generated', () => {
    const small = collect({ workspaceId: 'demo', customers: 50, seed: 3, now: NOW });
    const large = collect({ workspaceId: 'demo', customers: 120, seed: 3, now: NOW });
    const ofFirst = (rows: DemoInteractionRow[]) => rows.filter((r) => r.customer_id === 'cus_000042').map((r) => JSON.stringify(r));
    expect(ofFirst(large.interactions)).toEqual(ofFirst(small.interactions));
    expect(ofFirst(small.interactions).length).toBeGreaterThan(0);
  });

  it('writes about ten interactions and six transactions per customer, all inside the history and before now', () => {
    const data = collect({ workspaceId: 'demo', customers: 3000, seed: 11, now: NOW });
    expect(data.interactions.length / data.customers).toBeGreaterThan(8);
    expect(data.interactions.length / data.customers).toBeLessThan(12);
    expect(data.transactions.length / data.customers).toBeGreaterThan(4.5);
    expect(data.transactions.length / data.customers).toBeLessThan(7.5);
    const times = data.interactions.map((r) => ms(r.created_at));
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 548 * DAY);
    expect(new Set(data.interactions.map((r) => r.channel))).toEqual(new Set(DEMO_CHANNELS));
  });

  it('plants the service effect: customers with a missed negative message buy again less often than those answered fast', () => {
    const { serviceValue } = measureDemo({ workspaceId: 'demo', customers: 6000, seed: 5, now: NOW });
    // Within one segment: segments differ in channels (and so in service) and in buying.
    const fast = serviceValue.consumer!.answered_fast!;
    const missedNegative = serviceValue.consumer!.missed_negative!;
    expect(missedNegative.customers).toBeGreaterThan(80);
    expect(fast.boughtAgain - missedNegative.boughtAgain).toBeGreaterThan(0.15);
    expect(fast.purchasesAfter).toBeGreaterThan(missedNegative.purchasesAfter * 1.3);
  });

  it('answers social messages less and later than chat, and lets negative posts travel further', () => {
    const { response, medianReach, shareOfVoice } = measureDemo({ workspaceId: 'demo', customers: 2000, seed: 4, now: NOW });
    for (const social of ['twitter', 'facebook', 'instagram']) {
      expect(response[social]!.rate).toBeLessThan(response.chat!.rate - 0.2);
      expect(response[social]!.frtP50Minutes).toBeGreaterThan(response.chat!.frtP50Minutes * 10);
    }
    expect(response.phone!.frtP50Minutes).toBeLessThan(response.email!.frtP50Minutes);
    expect(medianReach.negative).toBeGreaterThan(medianReach.other * 1.5);
    expect(shareOfVoice.brightcart).toBeGreaterThan(shareOfVoice.shopwave!);
    expect(shareOfVoice.shopwave).toBeGreaterThan(shareOfVoice.marketly!);
  });

  it('never writes a reply before its parent, and links every reply to a generated parent of the same brand', () => {
    const data = collect({ workspaceId: 'demo', customers: 800, seed: 2, now: NOW });
    const byId = new Map(data.interactions.map((r) => [r.interaction_id, r]));
    expect(byId.size).toBe(data.interactions.length);
    for (const r of data.interactions) {
      if (r.parent_id === '') continue;
      const parent = byId.get(r.parent_id);
      expect(parent).toBeDefined();
      expect(parent!.brand).toBe(r.brand);
      expect(ms(r.created_at)).toBeGreaterThan(ms(parent!.created_at));
    }
  });
});

describe('addStaffedMinutes', () => {
  // The workspace clock is UTC−5: 09:00–17:00 there is 14:00–22:00 UTC.
  it('carries e-mail work from Friday afternoon to Monday morning', () => {
    const fridayFour = Date.parse('2026-06-12T21:00:00Z'); // Friday 16:00 on the workspace clock
    const reply = addStaffedMinutes(fridayFour, 120, CHANNEL_PROFILES.email);
    expect(new Date(reply).toISOString()).toBe('2026-06-15T15:00:00.000Z'); // Monday 10:00
  });

  it('starts the clock at opening time for a message written at night', () => {
    const night = Date.parse('2026-06-10T03:00:00Z'); // Tuesday 22:00
    expect(new Date(addStaffedMinutes(night, 30, CHANNEL_PROFILES.chat)).toISOString()).toBe('2026-06-10T13:30:00.000Z');
  });
});

describe('chTime', () => {
  it('formats like toClickHouseTime', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const t = Math.floor(rng.uniform(0, 4e12));
      expect(chTime(t)).toBe(toClickHouseTime(t));
    }
  });
});

describe('Random', () => {
  it('repeats for a seed and has the moments of its distributions', () => {
    const a = new Random(42);
    const b = new Random(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
    const rng = new Random(9);
    const n = 20_000;
    let gamma = 0;
    let beta = 0;
    let poisson = 0;
    for (let i = 0; i < n; i++) {
      gamma += rng.gamma(0.5, 2);
      beta += rng.beta(2, 6);
      poisson += rng.poisson(3.5);
    }
    expect(gamma / n).toBeCloseTo(1, 1);
    expect(beta / n).toBeCloseTo(0.25, 2);
    expect(poisson / n).toBeCloseTo(3.5, 1);
  });
});
