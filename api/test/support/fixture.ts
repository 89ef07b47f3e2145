import { IngestRun } from '@resonance/pipelines';
import {
  toClickHouseTime,
  type Channel,
  type Database,
  type InteractionRow,
  type TransactionKind,
} from '@resonance/sql';

/**
 * A small workspace whose every Overview figure is worked out by hand below (acmeExpected). The
 * clock of the hand computation is ACME_NOW; message times are relative to the periods:
 * current = [2025-03-08, 2025-03-15), previous = [2025-03-01, 2025-03-08).
 */
export const ACME_NOW = new Date('2025-03-15T12:00:00Z');
export const ACME_PERIOD = { from: new Date('2025-03-08T00:00:00Z'), to: new Date('2025-03-15T00:00:00Z') };

interface Message {
  id: string;
  brand?: string;
  channel: Channel;
  at: string;
  sentiment?: number | null;
  followers?: number | null;
  customer?: string;
  isPublic?: boolean;
}

interface Reply {
  id: string;
  parent: string;
  at: string;
  brand?: string;
  agent?: string;
  bot?: boolean;
  channel: Channel;
}

const PUBLIC = new Set<Channel>(['twitter', 'facebook', 'instagram', 'reviews']);

// Spread into a plain object: IngestRun takes records, and an interface has no index signature.
function inbound(workspaceId: string, run: IngestRun, m: Message): Record<string, unknown> {
  const row: InteractionRow = {
    workspace_id: workspaceId,
    interaction_id: m.id,
    source: 'fixture',
    brand: m.brand ?? 'acme',
    channel: m.channel,
    direction: 'inbound',
    is_public: m.isPublic ?? PUBLIC.has(m.channel),
    created_at: toClickHouseTime(new Date(m.at)),
    thread_id: m.id,
    parent_id: '',
    author_kind: 'customer',
    author_handle: `@${m.customer ?? 'someone'}`,
    author_followers: m.followers ?? null,
    customer_id: m.customer ?? '',
    agent: '',
    is_automated: false,
    text: `message ${m.id}`,
    lang: 'en',
    sentiment: m.sentiment === undefined ? null : m.sentiment,
    sentiment_source: m.sentiment === undefined || m.sentiment === null ? '' : 'fixture',
    topics: [],
    csat: null,
    ingest_run_id: run.runId,
    version: run.version,
  };
  return { ...row };
}

function outbound(workspaceId: string, run: IngestRun, r: Reply): Record<string, unknown> {
  const row: InteractionRow = {
    workspace_id: workspaceId,
    interaction_id: r.id,
    source: 'fixture',
    brand: r.brand ?? 'acme',
    channel: r.channel,
    direction: 'outbound',
    is_public: PUBLIC.has(r.channel),
    created_at: toClickHouseTime(new Date(r.at)),
    thread_id: r.parent,
    parent_id: r.parent,
    author_kind: r.bot ? 'bot' : 'agent',
    author_handle: r.brand ?? 'acme',
    author_followers: null,
    customer_id: '',
    agent: r.bot ? '' : (r.agent ?? 'ann'),
    is_automated: r.bot ?? false,
    text: `reply ${r.id}`,
    lang: 'en',
    sentiment: null,
    sentiment_source: '',
    topics: [],
    csat: null,
    ingest_run_id: run.runId,
    version: run.version,
  };
  return { ...row };
}

async function settings(
  db: Database,
  workspaceId: string,
  name: string,
  brands: { brand: string; name: string; isOwn: boolean }[],
) {
  await db.client.insert({
    table: 'workspaces',
    format: 'JSONEachRow',
    values: [{ workspace_id: workspaceId, name, timezone: 'Europe/Berlin', currency: 'EUR', sla_hours: 24 }],
  });
  await db.client.insert({
    table: 'brands',
    format: 'JSONEachRow',
    values: brands.map((b) => ({
      workspace_id: workspaceId,
      brand: b.brand,
      name: b.name,
      is_own: b.isOwn,
      handles: [b.brand],
    })),
  });
}

async function customers(db: Database, workspaceId: string, segments: Record<string, string>) {
  await db.client.insert({
    table: 'customers',
    format: 'JSONEachRow',
    values: Object.entries(segments).map(([id, segment]) => ({
      workspace_id: workspaceId,
      customer_id: id,
      name: id,
      email: `${id}@example.com`,
      segment,
      lifecycle_stage: 'active',
      country: 'DE',
      first_seen_at: toClickHouseTime(new Date('2024-01-01T00:00:00Z')),
      attributes: {},
      source: 'fixture',
      version: 1,
    })),
  });
}

/** A transactions row as a load writes it; `run` is an IngestRun, or a run id and version of a test's own. */
export function transaction(
  workspaceId: string,
  run: { runId: string; version: number },
  id: string,
  customer: string,
  at: string,
  kind: TransactionKind,
  amount: string,
) {
  return {
    workspace_id: workspaceId,
    transaction_id: id,
    customer_id: customer,
    occurred_at: toClickHouseTime(new Date(at)),
    kind,
    amount,
    currency: 'EUR',
    source: 'fixture',
    ingest_run_id: run.runId,
    version: run.version,
  };
}

/**
 * Loads the acme workspace: own brand acme, competitor rival. Three runs, so that one reply (r9)
 * is loaded before its parent (m9).
 */
export async function loadAcme(db: Database, workspaceId = 'acme'): Promise<void> {
  await settings(db, workspaceId, 'Acme Corp', [
    { brand: 'acme', name: 'Acme', isOwn: true },
    { brand: 'rival', name: 'Rival Inc', isOwn: false },
  ]);
  await customers(db, workspaceId, {
    c1: 'enterprise',
    c2: 'consumer',
    c3: 'consumer',
    c4: 'smb',
    c5: 'consumer',
    c6: 'smb',
    c10: 'consumer',
  });
  const run = await IngestRun.start(db, workspaceId, 'fixture', ['acme-1']);
  const messages: Message[] = [
    // current period
    { id: 'm1', channel: 'twitter', at: '2025-03-10T10:00:00Z', sentiment: -0.6, followers: 500, customer: 'c1' },
    { id: 'm2', channel: 'twitter', at: '2025-03-10T11:00:00Z', sentiment: -0.4, followers: 1200, customer: 'c2' },
    { id: 'm3', channel: 'email', at: '2025-03-11T09:00:00Z', sentiment: 0.7, customer: 'c1' },
    { id: 'm4', channel: 'chat', at: '2025-03-12T08:00:00Z', sentiment: 0.02, customer: 'c3' },
    { id: 'm5', channel: 'facebook', at: '2025-03-12T12:00:00Z', sentiment: 0.5, followers: 50 },
    { id: 'm6', channel: 'twitter', at: '2025-03-13T09:00:00Z', sentiment: -0.3, followers: 700, customer: 'c4' },
    { id: 'm7', channel: 'email', at: '2025-03-14T18:00:00Z', sentiment: -0.8, customer: 'c5' },
    { id: 'm8', channel: 'chat', at: '2025-03-14T20:00:00Z', sentiment: null, customer: 'c3' },
    { id: 'm11', channel: 'phone', at: '2025-03-14T11:00:00Z', sentiment: -0.1, customer: 'c6' },
    {
      id: 'm10',
      brand: 'rival',
      channel: 'twitter',
      at: '2025-03-11T12:00:00Z',
      sentiment: -0.5,
      followers: 300,
      customer: 'c7',
    },
    // previous period, and one message before it
    { id: 'p0', channel: 'email', at: '2025-02-28T23:00:00Z', sentiment: 0.9, customer: 'c13' },
    { id: 'p1', channel: 'email', at: '2025-03-02T10:00:00Z', sentiment: 0.6, customer: 'c1' },
    { id: 'p2', channel: 'twitter', at: '2025-03-03T10:00:00Z', sentiment: -0.7, followers: 100, customer: 'c10' },
    { id: 'p3', channel: 'chat', at: '2025-03-07T23:59:59.999Z', sentiment: 0.3, customer: 'c11' },
  ];
  const replies: Reply[] = [
    { id: 'r1', parent: 'm1', channel: 'twitter', at: '2025-03-10T10:10:00Z', agent: 'ann' },
    { id: 'r3', parent: 'm3', channel: 'email', at: '2025-03-11T10:00:00Z', agent: 'bob' },
    // A bot answers m4 first; the person 30 s after the message is the reply.
    { id: 'b4', parent: 'm4', channel: 'chat', at: '2025-03-12T08:00:05Z', bot: true },
    { id: 'r4', parent: 'm4', channel: 'chat', at: '2025-03-12T08:00:30Z', agent: 'ann' },
    // Only a bot answers m5: not a reply.
    { id: 'b5', parent: 'm5', channel: 'facebook', at: '2025-03-12T12:00:10Z', bot: true },
    // The competitor answers our customer's post m6: not our reply.
    { id: 'x6', parent: 'm6', brand: 'rival', channel: 'twitter', at: '2025-03-13T09:30:00Z', agent: '' },
    { id: 'x10', parent: 'm10', brand: 'rival', channel: 'twitter', at: '2025-03-11T12:20:00Z', agent: '' },
    { id: 'rp1', parent: 'p1', channel: 'email', at: '2025-03-02T12:00:00Z', agent: 'bob' },
    { id: 'rp3', parent: 'p3', channel: 'chat', at: '2025-03-08T00:10:00Z', agent: 'ann' },
  ];
  for (const m of messages) await run.add('interactions', inbound(workspaceId, run, m));
  for (const r of replies) await run.add('interactions', outbound(workspaceId, run, r));
  const snapshot = (id: string, at: string, impressions: number | null) => ({
    workspace_id: workspaceId,
    interaction_id: id,
    captured_at: toClickHouseTime(new Date(at)),
    likes: 1,
    shares: 2,
    quotes: 0,
    replies: 0,
    impressions,
  });
  // m1: the later snapshot wins; m6: the source has no impressions, so followers are the reach.
  await run.addRelated('engagement', snapshot('m1', '2025-03-11T12:00:00Z', 10_000));
  await run.addRelated('engagement', snapshot('m1', '2025-03-10T12:00:00Z', 2_000));
  await run.addRelated('engagement', snapshot('m6', '2025-03-13T12:00:00Z', null));
  for (const t of [
    transaction(workspaceId, run, 't1', 'c1', '2025-03-09T10:00:00Z', 'purchase', '100.50'),
    transaction(workspaceId, run, 't2', 'c8', '2025-03-10T10:00:00Z', 'purchase', '200'),
    transaction(workspaceId, run, 't3', 'c8', '2025-03-12T10:00:00Z', 'refund', '50'),
    transaction(workspaceId, run, 't4', 'c1', '2025-03-14T23:59:59.999Z', 'purchase', '19.99'),
    transaction(workspaceId, run, 't5', 'c9', '2025-03-15T00:00:00Z', 'purchase', '1000'),
    transaction(workspaceId, run, 't6', 'c10', '2025-03-05T10:00:00Z', 'purchase', '80'),
    transaction(workspaceId, run, 't7', 'c12', '2025-03-01T00:00:00Z', 'invoice', '20'),
  ]) {
    await run.add('transactions', t);
  }
  await run.finish();
  // The reply to m9 arrives in a load before m9 itself.
  const replyFirst = await IngestRun.start(db, workspaceId, 'fixture', ['acme-2']);
  await replyFirst.add(
    'interactions',
    outbound(workspaceId, replyFirst, {
      id: 'r9',
      parent: 'm9',
      channel: 'twitter',
      at: '2025-03-12T17:00:00Z',
      agent: 'carl',
    }),
  );
  await replyFirst.finish();
  const parentLater = await IngestRun.start(db, workspaceId, 'fixture', ['acme-3']);
  await parentLater.add(
    'interactions',
    inbound(workspaceId, parentLater, {
      id: 'm9',
      channel: 'twitter',
      at: '2025-03-12T15:00:00Z',
      sentiment: 0.9,
      customer: 'c2',
    }),
  );
  await parentLater.finish();
}

/** The acme figures, worked out by hand from the rows above (own brand only, clock ACME_NOW). */
export const acmeExpected = {
  current: {
    // m1 m2 m3 m4 m5 m6 m7 m8 m9 m11 (m10 is rival's)
    inbound: 10,
    // m1 (600 s), m3 (3600 s), m4 (30 s), m9 (7200 s)
    replied: 4,
    responseRate: 0.4,
    // m7 (18 h old), m8 (16 h old)
    pending: 2,
    // m2, m5 (bot only), m6 (rival answered), m11 (25 h old)
    missed: 4,
    botReplied: 2,
    // FRT sorted 30, 600, 3600, 7200: p50 at rank 1.5 = 600 + 0.5 × 3000; p90 at rank 2.7 = 3600 + 0.7 × 3600
    frtP50Seconds: 2100,
    frtP90Seconds: 6120,
    // positive m3 m5 m9, negative m1 m2 m6 m7 m11: (3 − 5) / 8 × 100
    netSentiment: -25,
    // negative public: m1 10 000 impressions (latest snapshot), m2 1 200 followers, m6 700 followers
    amplifiedNegativeReach: 11_900,
    // inbound c1 c2 c3 c4 c5 c6, transactions c1 c8
    activeCustomers: 7,
    // 100.50 + 200 − 50 (refund) + 19.99; t5 is at the exclusive end
    historicalValue: 270.49,
  },
  previous: {
    inbound: 3,
    replied: 2,
    responseRate: 2 / 3,
    pending: 0,
    missed: 1,
    botReplied: 0,
    // FRT 7200 and 600.001 s (p3 at 23:59:59.999, answered 00:10:00)
    frtP50Seconds: (600.001 + 7200) / 2,
    frtP90Seconds: 600.001 + 0.9 * (7200 - 600.001),
    netSentiment: ((2 - 1) / 3) * 100,
    amplifiedNegativeReach: 100,
    // inbound c1 c10 c11, transactions c10 c12
    activeCustomers: 4,
    historicalValue: 100,
  },
  /** Daily trend of the current period: [inbound, responseRate, netSentiment]. */
  trend: [
    ['2025-03-08T00:00:00.000Z', 0, null, null],
    ['2025-03-09T00:00:00.000Z', 0, null, null],
    ['2025-03-10T00:00:00.000Z', 2, 0.5, -100],
    ['2025-03-11T00:00:00.000Z', 1, 1, 100],
    ['2025-03-12T00:00:00.000Z', 3, 2 / 3, 100],
    ['2025-03-13T00:00:00.000Z', 1, 0, -100],
    ['2025-03-14T00:00:00.000Z', 3, 0, -100],
  ] as const,
};

/** A second, different workspace (one brand, three messages), to check isolation. */
export async function loadBeta(db: Database, workspaceId = 'beta'): Promise<void> {
  await settings(db, workspaceId, 'Beta GmbH', [{ brand: 'beta', name: 'Beta', isOwn: true }]);
  await customers(db, workspaceId, { b1: 'retail' });
  const run = await IngestRun.start(db, workspaceId, 'fixture', ['beta-1']);
  const messages: Message[] = [
    { id: 'm1', brand: 'beta', channel: 'whatsapp', at: '2025-03-09T08:00:00Z', sentiment: 0.8, customer: 'b1' },
    { id: 'm2', brand: 'beta', channel: 'whatsapp', at: '2025-03-09T09:00:00Z', sentiment: 0.6, customer: 'b1' },
    {
      id: 'm3',
      brand: 'beta',
      channel: 'instagram',
      at: '2025-03-13T09:00:00Z',
      sentiment: -0.9,
      followers: 40_000,
      customer: 'b2',
    },
  ];
  for (const m of messages) await run.add('interactions', inbound(workspaceId, run, m));
  await run.add(
    'interactions',
    outbound(workspaceId, run, {
      id: 'r1',
      parent: 'm1',
      brand: 'beta',
      channel: 'whatsapp',
      at: '2025-03-09T08:05:00Z',
    }),
  );
  await run.add('transactions', transaction(workspaceId, run, 't1', 'b1', '2025-03-10T10:00:00Z', 'purchase', '5000'));
  await run.finish();
}

/** Beta's figures for ACME_PERIOD, by hand, with a clock long after the data (no pending). */
export const betaExpected = {
  inbound: 3,
  replied: 1,
  missed: 2,
  pending: 0,
  frtP50Seconds: 300,
  netSentiment: ((2 - 1) / 3) * 100,
  amplifiedNegativeReach: 40_000,
  activeCustomers: 2,
  historicalValue: 5000,
};
