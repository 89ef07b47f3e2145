import { IngestRun } from '@resonance/pipelines';
import {
  PUBLIC_CHANNELS,
  toClickHouseTime,
  type Channel,
  type Database,
  type InboundCoverage,
  type InteractionRow,
} from '@resonance/sql';
import { DataVersionRepository } from '../../cache/data-version.repository';
import { ResultCache } from '../../cache/result-cache';
import { SystemClock } from '../../common/clock';
import { InboundCoverageReader } from '../../common/inbound-coverage.reader';
import { FilterService } from '../../filter/filter.service';
import { WorkspaceRepository } from '../../workspace/workspace.repository';

/**
 * Loads small hand-made workspaces for the analytics tests (response, gap queue, sentiment,
 * amplification, share of voice, terms) through IngestRun, so the link pass denormalises replies
 * exactly as a real load does. Every test states its own rows and works its figures out by hand.
 */

export interface FixtureMessage {
  id: string;
  at: string;
  channel?: Channel;
  brand?: string;
  sentiment?: number | null;
  customer?: string;
  handle?: string;
  followers?: number | null;
  isPublic?: boolean;
  thread?: string;
  text?: string;
  agent?: string;
}

export interface FixtureReply {
  id: string;
  parent: string;
  at: string;
  brand?: string;
  agent?: string;
  bot?: boolean;
  channel?: Channel;
}

export interface FixtureEngagement {
  id: string;
  shares: number;
  quotes: number;
  impressions: number | null;
  capturedAt?: string;
}

export interface FixtureCustomer {
  id: string;
  name?: string;
  segment: string;
  lifecycle?: string;
}

export interface FixtureSettings {
  timezone?: string;
  slaHours?: number;
  businessDays?: number[];
  businessStartMinute?: number;
  businessEndMinute?: number;
}

export interface FixtureWorkspace {
  id: string;
  settings?: FixtureSettings;
  brands?: { brand: string; name: string; isOwn: boolean }[];
  customers?: FixtureCustomer[];
  messages: FixtureMessage[];
  replies?: FixtureReply[];
  engagement?: FixtureEngagement[];
  /** customer id → amount, one purchase each at 2025-01-01. */
  purchases?: Record<string, string>;
  /** customer id → predicted CLV of one model run. */
  predictedClv?: Record<string, number>;
}

function message(workspaceId: string, run: IngestRun, m: FixtureMessage): Record<string, unknown> {
  const channel = m.channel ?? 'twitter';
  const row: InteractionRow = {
    workspace_id: workspaceId,
    interaction_id: m.id,
    source: 'fixture',
    brand: m.brand ?? 'acme',
    channel,
    direction: 'inbound',
    is_public: m.isPublic ?? PUBLIC_CHANNELS.includes(channel),
    created_at: toClickHouseTime(new Date(m.at)),
    thread_id: m.thread ?? m.id,
    parent_id: '',
    author_kind: 'customer',
    author_handle: m.handle ?? `@${m.customer ?? 'someone'}`,
    author_followers: m.followers ?? null,
    customer_id: m.customer ?? '',
    agent: m.agent ?? '',
    is_automated: false,
    text: m.text ?? `message ${m.id}`,
    lang: 'en',
    sentiment: m.sentiment ?? null,
    sentiment_source: m.sentiment === undefined || m.sentiment === null ? '' : 'fixture',
    topics: [],
    csat: null,
    ingest_run_id: run.runId,
    version: run.version,
  };
  return { ...row };
}

function reply(workspaceId: string, run: IngestRun, r: FixtureReply): Record<string, unknown> {
  const channel = r.channel ?? 'twitter';
  const row: InteractionRow = {
    workspace_id: workspaceId,
    interaction_id: r.id,
    source: 'fixture',
    brand: r.brand ?? 'acme',
    channel,
    direction: 'outbound',
    is_public: PUBLIC_CHANNELS.includes(channel),
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

export async function loadWorkspace(db: Database, w: FixtureWorkspace): Promise<void> {
  const s = w.settings ?? {};
  await db.client.insert({
    table: 'workspaces',
    format: 'JSONEachRow',
    values: [
      {
        workspace_id: w.id,
        name: w.id,
        timezone: s.timezone ?? 'UTC',
        currency: 'EUR',
        sla_hours: s.slaHours ?? 24,
        business_days: s.businessDays ?? [1, 2, 3, 4, 5],
        business_start_minute: s.businessStartMinute ?? 540,
        business_end_minute: s.businessEndMinute ?? 1020,
      },
    ],
  });
  const brands = w.brands ?? [{ brand: 'acme', name: 'Acme', isOwn: true }];
  await db.client.insert({
    table: 'brands',
    format: 'JSONEachRow',
    values: brands.map((b) => ({
      workspace_id: w.id,
      brand: b.brand,
      name: b.name,
      is_own: b.isOwn,
      handles: [b.brand],
    })),
  });
  if (w.customers && w.customers.length > 0) {
    await db.client.insert({
      table: 'customers',
      format: 'JSONEachRow',
      values: w.customers.map((c) => ({
        workspace_id: w.id,
        customer_id: c.id,
        name: c.name ?? `Customer ${c.id}`,
        email: `${c.id}@example.com`,
        segment: c.segment,
        lifecycle_stage: c.lifecycle ?? 'active',
        country: 'DE',
        first_seen_at: toClickHouseTime(new Date('2024-01-01T00:00:00Z')),
        attributes: {},
        source: 'fixture',
        version: 1,
      })),
    });
  }
  const run = await IngestRun.start(db, w.id, 'fixture', [`${w.id}.ndjson`]);
  for (const m of w.messages) await run.add('interactions', message(w.id, run, m));
  for (const r of w.replies ?? []) await run.add('interactions', reply(w.id, run, r));
  for (const e of w.engagement ?? []) {
    await run.addRelated('engagement', {
      workspace_id: w.id,
      interaction_id: e.id,
      captured_at: toClickHouseTime(new Date(e.capturedAt ?? '2025-04-01T00:00:00Z')),
      likes: 0,
      shares: e.shares,
      quotes: e.quotes,
      replies: 0,
      impressions: e.impressions,
    });
  }
  for (const [customer, amount] of Object.entries(w.purchases ?? {})) {
    await run.add('transactions', {
      workspace_id: w.id,
      transaction_id: `t-${customer}`,
      customer_id: customer,
      occurred_at: toClickHouseTime(new Date('2025-01-01T00:00:00Z')),
      kind: 'purchase',
      amount,
      currency: 'EUR',
      source: 'fixture',
      ingest_run_id: run.runId,
      version: run.version,
    });
  }
  await run.finish();
  const clv = Object.entries(w.predictedClv ?? {});
  if (clv.length > 0) await writeModelRun(db, w.id, clv);
}

/** One CLV model run with the given predictions (what `resonance fit` writes, reduced to what readers use). */
async function writeModelRun(db: Database, workspaceId: string, clv: [string, number][]): Promise<void> {
  const at = toClickHouseTime(new Date('2025-02-01T00:00:00Z'));
  await db.client.insert({
    table: 'model_runs',
    format: 'JSONEachRow',
    values: [
      {
        workspace_id: workspaceId,
        run_id: 'run-1',
        segment: '',
        model: 'bgnbd',
        parameters: {},
        standard_errors: {},
        log_likelihood: 0,
        customers: clv.length,
        pooled: false,
        calibration_end: at,
        horizon_months: 12,
        monthly_discount: 0.01,
        data_from: at,
        data_to: at,
        fitted_at: at,
        note: '',
      },
    ],
  });
  await db.client.insert({
    table: 'customer_value',
    format: 'JSONEachRow',
    values: clv.map(([customer, value]) => ({
      workspace_id: workspaceId,
      run_id: 'run-1',
      customer_id: customer,
      segment: '',
      frequency: 1,
      recency_days: 1,
      t_days: 1,
      monetary_mean: 1,
      p_alive: 1,
      expected_purchases: 1,
      expected_avg_value: 1,
      predicted_clv: value,
      historical_value: 0,
      computed_at: at,
    })),
  });
}

/** A result cache that caches nothing: tests reload data between calls. */
function uncached(db: Database): ResultCache {
  return new ResultCache(new DataVersionRepository(db), new SystemClock(), { maxEntries: 0, ttlMs: 0 });
}

/** The coverage reader the repositories of inbound figures take, without caching. */
export function coverageReader(db: Database): InboundCoverageReader {
  return new InboundCoverageReader(db, uncached(db));
}

/** The filter service the analytics services take, without caching. */
export function filterService(db: Database): FilterService {
  return new FilterService(new WorkspaceRepository(db), uncached(db));
}

/** A fixed coverage for SQL snapshots: UTC, the default calendar and SLA, no rollup day (all rows). */
export const SNAPSHOT_COVERAGE: InboundCoverage = {
  tz: 'UTC',
  businessDays: [1, 2, 3, 4, 5],
  businessStart: 540,
  businessEnd: 1020,
  slaHours: 24,
  calendar: '3|UTC|[1,2,3,4,5]|540|1020',
  transactions: { runs: [] },
  terms: { runs: [] },
  missed: { runs: [] },
  runs: [],
};
