import { openTestDatabase, type Database } from '@resonance/sql';
import { DEMO_CHANNELS, DEMO_PUBLIC_CHANNELS } from './effects';
import { DemoWorkspaceExistsError, loadDemoWorkspace, type DemoWorkspaceSummary } from './load-demo-workspace';

const NOW = new Date('2026-03-04T16:20:00.000Z');
const WORKSPACE = 'demo_test';

let db: Database;
let summary: DemoWorkspaceSummary;

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.client.query({ query, query_params: { workspace_id: WORKSPACE, ...params }, format: 'JSONEachRow' });
  return result.json<T>();
}

async function one<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const [row] = await rows<T>(query, params);
  if (!row) throw new Error(`no row from ${query}`);
  return row;
}

beforeAll(async () => {
  db = await openTestDatabase();
  summary = await loadDemoWorkspace(db, { workspaceId: WORKSPACE, customers: 1500, seed: 99, now: NOW });
});

afterAll(async () => {
  await db?.close();
});

describe('loadDemoWorkspace', () => {
  it('returns the counts that are in the tables, and records four succeeded runs whose counts add up', async () => {
    const counts = await one<{ customers: string; interactions: string; transactions: string; identities: string; engagement: string }>(`
      SELECT
        (SELECT count() FROM customers FINAL WHERE workspace_id = {workspace_id:String}) AS customers,
        (SELECT count() FROM interactions FINAL WHERE workspace_id = {workspace_id:String}) AS interactions,
        (SELECT count() FROM transactions FINAL WHERE workspace_id = {workspace_id:String}) AS transactions,
        (SELECT count() FROM identities FINAL WHERE workspace_id = {workspace_id:String}) AS identities,
        (SELECT uniqExact(interaction_id) FROM engagement WHERE workspace_id = {workspace_id:String}) AS engagement`);
    expect(summary.customers).toBe(1500);
    expect(Number(counts.customers)).toBe(summary.customers);
    expect(Number(counts.interactions)).toBe(summary.interactions);
    expect(Number(counts.transactions)).toBe(summary.transactions);
    expect(Number(counts.identities)).toBeGreaterThan(summary.customers);
    expect(Number(counts.engagement)).toBeGreaterThan(0);
    expect(summary.interactions / summary.customers).toBeGreaterThan(8);
    expect(summary.transactions / summary.customers).toBeGreaterThan(4.5);

    const runs = await rows<{ source: string; status: string; rows_read: string; rows_loaded: string; rows_rejected: string; rows_unscored: string }>(`
      SELECT source, status, rows_read, rows_loaded, rows_rejected, rows_unscored
      FROM ingest_runs FINAL WHERE workspace_id = {workspace_id:String} ORDER BY source`);
    expect(runs.map((r) => [r.source, r.status])).toEqual([
      ['demo:customers', 'succeeded'],
      ['demo:identities', 'succeeded'],
      ['demo:interactions', 'succeeded'],
      ['demo:transactions', 'succeeded'],
    ]);
    for (const run of runs) expect(Number(run.rows_read)).toBe(Number(run.rows_loaded) + Number(run.rows_rejected));
    const unscored = await one<{ n: string }>(`
      SELECT count() AS n FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND sentiment IS NULL`);
    expect(Number(runs[2]!.rows_unscored)).toBe(Number(unscored.n));
    expect(Number(runs[1]!.rows_loaded)).toBe(Number(counts.identities));
    expect(Number(unscored.n)).toBeGreaterThan(0);
    expect(Number(unscored.n)).toBeLessThan(summary.interactions * 0.06);
  });

  it('writes the workspace with a 24 h SLA and the default calendar, and its brand with two competitors', async () => {
    const workspace = await one<{ sla_hours: number; business_days: number[]; business_start_minute: number; business_end_minute: number; timezone: string; currency: string }>(`
      SELECT sla_hours, business_days, business_start_minute, business_end_minute, timezone, currency
      FROM workspaces FINAL WHERE workspace_id = {workspace_id:String}`);
    expect(workspace).toEqual({ sla_hours: 24, business_days: [1, 2, 3, 4, 5], business_start_minute: 540, business_end_minute: 1020, timezone: 'America/New_York', currency: 'USD' });
    const brands = await rows<{ brand: string; is_own: boolean; handles: string[] }>(`
      SELECT brand, is_own, handles FROM brands FINAL WHERE workspace_id = {workspace_id:String} ORDER BY is_own DESC, brand`);
    expect(brands.map((b) => [b.brand, b.is_own])).toEqual([
      ['brightcart', true],
      ['marketly', false],
      ['shopwave', false],
    ]);
    for (const b of brands) for (const handle of b.handles) expect(handle).toMatch(/^[a-z0-9_]+$/);
  });

  it('has every channel in both directions, inbound mentions of all three brands, and normalised identities', async () => {
    const channels = await rows<{ channel: string; direction: string }>(`
      SELECT DISTINCT channel, toString(direction) AS direction FROM interactions FINAL WHERE workspace_id = {workspace_id:String}`);
    for (const channel of DEMO_CHANNELS) {
      expect(channels).toContainEqual({ channel, direction: 'inbound' });
      expect(channels).toContainEqual({ channel, direction: 'outbound' });
    }
    const brands = await rows<{ brand: string }>(`
      SELECT DISTINCT brand FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND direction = 'inbound' ORDER BY brand`);
    expect(brands.map((b) => b.brand)).toEqual(['brightcart', 'marketly', 'shopwave']);
    const identities = await rows<{ kind: string; handle: string }>(`
      SELECT kind, handle FROM identities FINAL WHERE workspace_id = {workspace_id:String}`);
    expect(new Set(identities.map((i) => i.kind))).toEqual(new Set(['email', 'phone', 'whatsapp', 'twitter', 'facebook', 'instagram']));
    for (const { kind, handle } of identities) {
      if (kind === 'phone' || kind === 'whatsapp') expect(handle).toMatch(/^\+[1-9]\d{7,14}$/);
      else if (kind === 'email') expect(handle).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+$/);
      else expect(handle).toMatch(/^[a-z0-9._]+$/);
    }
  });

  it('links every reply to an existing parent of the same brand, and the link pass agrees with the generated reply facts', async () => {
    const orphans = await one<{ orphans: string; other_brand: string; replies: string }>(`
      SELECT
        countIf(p.interaction_id = '') AS orphans,
        countIf(p.interaction_id != '' AND p.brand != r.brand) AS other_brand,
        count() AS replies
      FROM (SELECT interaction_id, parent_id, brand FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND parent_id != '') AS r
      LEFT JOIN (SELECT interaction_id, brand FROM interactions FINAL WHERE workspace_id = {workspace_id:String}) AS p
        ON p.interaction_id = r.parent_id`);
    expect(Number(orphans.replies)).toBeGreaterThan(0);
    expect(Number(orphans.orphans)).toBe(0);
    expect(Number(orphans.other_brand)).toBe(0);

    // First reply recomputed from the replies themselves (person-written, same brand).
    const disagreements = await one<{ n: string; replied: string }>(`
      SELECT countIf(NOT (i.first_reply_at <=> r.first_at)) AS n, countIf(r.first_at IS NOT NULL) AS replied
      FROM (SELECT interaction_id, brand, first_reply_at FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND direction = 'inbound') AS i
      LEFT JOIN
      (
        SELECT parent_id, brand, min(created_at) AS first_at
        FROM interactions FINAL
        WHERE workspace_id = {workspace_id:String} AND direction = 'outbound' AND NOT is_automated AND parent_id != ''
        GROUP BY parent_id, brand
      ) AS r ON r.parent_id = i.interaction_id AND r.brand = i.brand
      SETTINGS join_use_nulls = 1`);
    expect(Number(disagreements.replied)).toBeGreaterThan(0);
    expect(Number(disagreements.n)).toBe(0);

    const bots = await one<{ bots: string; counted: string }>(`
      SELECT countIf(is_automated) AS bots, countIf(is_automated AND agent != 'bot') AS counted
      FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND direction = 'outbound'`);
    expect(Number(bots.bots)).toBeGreaterThan(0);
    expect(Number(bots.counted)).toBe(0);
  });

  it('answers social messages less often and more slowly than chat, phone fastest of all', async () => {
    const byChannel = await rows<{ channel: string; inbound: string; rate: number; frt_p50: number }>(`
      SELECT
        channel,
        count() AS inbound,
        countIf(first_reply_at IS NOT NULL) / count() AS rate,
        quantileExactIf(0.5)(dateDiff('second', created_at, first_reply_at), first_reply_at IS NOT NULL) AS frt_p50
      FROM interactions FINAL
      WHERE workspace_id = {workspace_id:String} AND direction = 'inbound' AND brand = 'brightcart'
        AND created_at < {cutoff:DateTime64(3)}
      GROUP BY channel`, { cutoff: '2026-02-20 00:00:00' });
    const of = (channel: string) => {
      const row = byChannel.find((c) => c.channel === channel)!;
      return { rate: row.rate, frt_p50: Number(row.frt_p50) };
    };
    for (const social of DEMO_PUBLIC_CHANNELS) {
      expect(of(social).rate).toBeLessThan(of('chat').rate - 0.2);
      expect(of(social).frt_p50).toBeGreaterThan(of('chat').frt_p50 * 10);
    }
    expect(of('phone').frt_p50).toBeLessThan(of('email').frt_p50);
    expect(of('email').frt_p50).toBeGreaterThan(3600);
  });

  it('gives negative public posts a higher median reach', async () => {
    const reach = await rows<{ negative: boolean; posts: string; median_reach: number }>(`
      SELECT
        i.sentiment <= -0.05 AS negative,
        count() AS posts,
        median(coalesce(e.impressions, toUInt64(i.author_followers), 0)) AS median_reach
      FROM (SELECT interaction_id, sentiment, author_followers FROM interactions FINAL
            WHERE workspace_id = {workspace_id:String} AND direction = 'inbound' AND is_public AND sentiment IS NOT NULL) AS i
      LEFT JOIN (SELECT interaction_id, argMax(impressions, captured_at) AS impressions FROM engagement
                 WHERE workspace_id = {workspace_id:String} GROUP BY interaction_id) AS e ON e.interaction_id = i.interaction_id
      GROUP BY negative
      SETTINGS join_use_nulls = 1`);
    const negative = reach.find((r) => r.negative)!;
    const other = reach.find((r) => !r.negative)!;
    expect(Number(negative.posts)).toBeGreaterThan(200);
    expect(negative.median_reach).toBeGreaterThan(other.median_reach * 1.5);
  });

  it('ends at now with pending messages: unanswered, younger than the SLA', async () => {
    const recent = await one<{ latest: string; pending: string }>(`
      SELECT max(created_at) AS latest,
             countIf(first_reply_at IS NULL AND created_at >= {now:DateTime64(3)} - INTERVAL 24 HOUR) AS pending
      FROM interactions FINAL WHERE workspace_id = {workspace_id:String} AND direction = 'inbound'`, { now: '2026-03-04 16:20:00' });
    expect(Number(recent.pending)).toBeGreaterThan(0);
    expect(Date.parse(`${recent.latest.replace(' ', 'T')}Z`)).toBeLessThan(NOW.getTime());
    expect(Date.parse(`${recent.latest.replace(' ', 'T')}Z`)).toBeGreaterThan(NOW.getTime() - 86_400_000);
  });

  it('shows the planted effect in the loaded rows: missed negative messages go with fewer repeat purchases', async () => {
    const byExperience = await rows<{ experience: string; customers: string; rebought: number }>(`
      WITH contacts AS
      (
        SELECT customer_id,
               argMin(multiIf(first_reply_at IS NULL AND sentiment <= -0.05, 'missed_negative',
                              first_reply_at IS NULL, 'missed',
                              dateDiff('second', created_at, first_reply_at) <= 6 * 3600, 'answered_fast', 'answered_slow'), created_at) AS experience,
               min(created_at) AS contact_at
        FROM interactions FINAL
        WHERE workspace_id = {workspace_id:String} AND direction = 'inbound' AND parent_id = '' AND brand = 'brightcart'
          AND customer_id != '' AND sentiment IS NOT NULL AND created_at < {cutoff:DateTime64(3)}
        GROUP BY customer_id
      )
      SELECT c.experience AS experience, count() AS customers, avg(t.after > 0) AS rebought
      FROM contacts AS c
      LEFT JOIN
      (
        SELECT tx.customer_id AS customer_id, countIf(tx.occurred_at > cc.contact_at + INTERVAL 1 DAY) AS after
        FROM (SELECT customer_id, occurred_at FROM transactions FINAL WHERE workspace_id = {workspace_id:String} AND kind = 'purchase') AS tx
        INNER JOIN contacts AS cc ON cc.customer_id = tx.customer_id
        GROUP BY tx.customer_id
      ) AS t ON t.customer_id = c.customer_id
      GROUP BY experience`, { cutoff: '2025-09-01 00:00:00' });
    const of = (experience: string) => byExperience.find((e) => e.experience === experience)!;
    expect(Number(of('missed_negative').customers)).toBeGreaterThan(20);
    expect(of('answered_fast').rebought - of('missed_negative').rebought).toBeGreaterThan(0.1);
  });

  it('refuses to load into a workspace that already has data, and rejects bad options', async () => {
    await expect(loadDemoWorkspace(db, { workspaceId: WORKSPACE, customers: 10, now: NOW })).rejects.toBeInstanceOf(DemoWorkspaceExistsError);
    await expect(loadDemoWorkspace(db, { workspaceId: 'other', customers: 0 })).rejects.toThrow(/customers must be a whole number/);
    await expect(loadDemoWorkspace(db, { workspaceId: 'Bad Name' })).rejects.toThrow(/workspace id/);
  });
});
