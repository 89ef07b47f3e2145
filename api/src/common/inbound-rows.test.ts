import { IngestRun, refreshInboundRollup, refreshRollups } from '@resonance/pipelines';
import {
  builtDayList,
  namedQuery,
  openTestDatabase,
  readInboundCoverage,
  toClickHouseTime,
  type AnalyticsFilter,
  type Database,
} from '@resonance/sql';
import { overviewQueries } from '../overview/overview.repository';
import { loadWorkspace } from '../response/__tests__/analytics-fixture';
import { GroupBy } from '../response/dto/group-by.enum';
import { groupKey } from '../response/group-by.sql';
import { ALL_RESPONSE_PARTS, withResponseParts } from '../response/response-parts';
import { inboundQuery, type InboundKey } from './inbound-rows.sql';

// The inbound rollup (migration 0016) must give the figures the rows give, whatever happened since
// it was built: late replies, re-loads, customers changing segment, a new calendar.

const NOW = new Date('2025-04-01T00:00:00Z');
const HEATMAP = 'response/response_by_hour_of_week';
const PERIOD: AnalyticsFilter = { from: new Date('2025-03-10T06:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadWorkspace(db, {
    id: 'roll',
    settings: { timezone: 'Europe/Berlin' },
    customers: [
      { id: 'c1', segment: 'enterprise', lifecycle: 'loyal' },
      { id: 'c2', segment: 'consumer' },
    ],
    messages: [
      // Before the period's first whole day: read from the rows.
      { id: 'a', at: '2025-03-10T07:00:00Z', channel: 'email', customer: 'c1', sentiment: 0.5 },
      { id: 'b', at: '2025-03-11T15:00:00Z', channel: 'chat', customer: 'c2', sentiment: -0.5 },
      { id: 'c', at: '2025-03-14T15:30:00Z', channel: 'twitter', customer: 'c1', sentiment: -0.9, followers: 300 },
      { id: 'd', at: '2025-03-12T06:00:00Z', channel: 'chat', customer: 'c2', sentiment: 0 },
      { id: 'e', at: '2025-03-28T15:00:00Z', channel: 'email', customer: 'c3' },
      { id: 'f', at: '2025-03-20T10:00:00Z', channel: 'twitter', customer: 'c2', sentiment: -0.2, followers: 10 },
      // Pending at NOW (its day is after the SLA cutoff's): read from the rows.
      { id: 'g', at: '2025-03-31T12:00:00Z', channel: 'twitter', sentiment: -0.3, followers: 7 },
      { id: 'h', at: '2025-03-18T10:00:00Z', channel: 'facebook', customer: 'c1', sentiment: 0.1 },
      { id: 'k', at: '2025-03-18T11:00:00Z', channel: 'facebook', brand: 'rival', sentiment: 0.2 },
    ],
    replies: [
      { id: 'ra', parent: 'a', at: '2025-03-10T09:30:00Z', agent: 'ann', channel: 'email' },
      { id: 'rb', parent: 'b', at: '2025-03-12T09:00:00Z', agent: 'bob', channel: 'chat' },
      { id: 'rc', parent: 'c', at: '2025-03-17T08:15:00Z', agent: 'ann' },
      { id: 'bf', parent: 'f', at: '2025-03-20T10:01:00Z', bot: true },
    ],
    engagement: [{ id: 'c', shares: 3, quotes: 1, impressions: 5000 }],
  });
  // Purchases over the period, one on its partial first day, a refund, one of a customer without a row.
  await later(async (run) => {
    const purchases: [string, string, string, string][] = [
      ['t1', 'c1', '2025-03-10T08:00:00Z', '100.50'],
      ['t2', 'c9', '2025-03-15T12:00:00Z', '20.25'],
      ['t3', 'c2', '2025-03-21T09:00:00Z', '7.00'],
      ['t4', 'c1', '2025-03-30T18:00:00Z', '-30.00'],
    ];
    for (const [id, customer, at, amount] of purchases) {
      await run.add('transactions', {
        workspace_id: 'roll',
        transaction_id: id,
        customer_id: customer,
        occurred_at: toClickHouseTime(new Date(at)),
        kind: id === 't4' ? 'refund' : 'purchase',
        amount,
        currency: 'EUR',
        source: 'fixture',
        ingest_run_id: run.runId,
        version: run.version,
      });
    }
  });
});

afterAll(async () => {
  await db.close();
});

type Row = Record<string, unknown>;

async function run(name: string, filter: AnalyticsFilter, key: InboundKey, useRollup: boolean): Promise<Row[]> {
  const rollup = name === HEATMAP ? 'hourly' : 'daily';
  const built = inboundQuery(namedQuery(name), 'roll', filter, key, NOW, await readInboundCoverage(db, 'roll'), rollup);
  // The Response queries with every part: the total row and all the FRT figures.
  const { query, params } = name.startsWith('response/') ? withResponseParts(built, ALL_RESPONSE_PARTS) : built;
  // The same query with the rollup's days read from the rows instead.
  const result = await db.client.query({
    query,
    query_params: { ...params, use_rollup: useRollup && Boolean(params.use_rollup) },
    format: 'JSONEachRow',
  });
  return result.json<Row>();
}

/** Response and sentiment figures per grouping, from rollup + rows, and from the rows alone. */
async function bothWays(filter: AnalyticsFilter = PERIOD): Promise<{ hybrid: Row[]; rows: Row[] }> {
  const hybrid: Row[] = [];
  const rows: Row[] = [];
  for (const groupBy of [null, GroupBy.SEGMENT, GroupBy.AGENT, GroupBy.WEEK]) {
    for (const name of ['response/response', 'response/response_total', 'sentiment/distribution', 'amplification/summary', 'sentiment/trend']) {
      if ((name === 'amplification/summary' || name === 'response/response_total') && groupBy) continue;
      hybrid.push(...(await run(name, filter, groupKey(groupBy), true)));
      rows.push(...(await run(name, filter, groupKey(groupBy), false)));
    }
  }
  // The hour-of-week heatmap from the hourly rollup (migration 0029), with the filters it keeps
  // and one it does not (agents: the rows).
  for (const narrowing of [{}, { channels: ['twitter'] }, { segments: ['enterprise'] }, { publicOnly: true }, { agents: ['ann'] }]) {
    const narrowed = { ...filter, ...narrowing };
    hybrid.push(...(await run(HEATMAP, narrowed, groupKey(GroupBy.HOUR_OF_WEEK), true)));
    rows.push(...(await run(HEATMAP, narrowed, groupKey(GroupBy.HOUR_OF_WEEK), false)));
  }
  // Active customers and historical value, from both rollups, and from the rows alone.
  for (const segments of [[], ['enterprise'], ['smb']]) {
    const { sql, params } = overviewQueries.valueKpis('roll', { ...filter, segments }, await readInboundCoverage(db, 'roll'));
    const ask = async (on: boolean) =>
      (
        await db.client.query({
          query: sql,
          query_params: { ...params, use_rollup: on && params.use_rollup, tx_use_rollup: on && params.tx_use_rollup },
          format: 'JSONEachRow',
        })
      ).json<Row>();
    hybrid.push(...(await ask(true)));
    rows.push(...(await ask(false)));
  }
  return { hybrid, rows };
}

async function builtDays(): Promise<number> {
  const result = await db.client.query({
    query: "SELECT uniqExact(day) AS n FROM inbound_daily WHERE workspace_id = 'roll'",
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row!.n);
}

async function rollupRows(): Promise<number> {
  const result = await db.client.query({
    query: "SELECT count() AS n FROM inbound_daily WHERE workspace_id = 'roll'",
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row!.n);
}

async function later(fn: (run: IngestRun) => Promise<void>): Promise<void> {
  const run = await IngestRun.start(db, 'roll', 'later', ['later.ndjson']);
  await fn(run);
  await run.finish();
}

function reply(run: IngestRun, id: string, parent: string, at: string, agent: string): Record<string, unknown> {
  return {
    workspace_id: 'roll',
    interaction_id: id,
    source: 'fixture',
    brand: 'acme',
    channel: 'twitter',
    direction: 'outbound',
    is_public: true,
    created_at: toClickHouseTime(new Date(at)),
    thread_id: parent,
    parent_id: parent,
    author_kind: 'agent',
    author_handle: 'acme',
    customer_id: '',
    agent,
    is_automated: false,
    text: `reply ${id}`,
    lang: 'en',
    sentiment: null,
    topics: [],
    ingest_run_id: run.runId,
    version: run.version,
  };
}

describe('inbound rollup', () => {
  it('is built by the load, every day from the first inbound day to the last', async () => {
    // Eight days with messages; 2025-03-10 … 2025-03-31 is 22 days, days without a message included.
    expect(await builtDays()).toBe(8);
    const result = await db.client.query({
      query: "SELECT count() AS n FROM rollup_days FINAL WHERE workspace_id = 'roll' AND rollup = 'inbound_daily'",
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ n: '22' }]);
  });

  it('gives the figures of the rows, for every grouping and for periods inside a day', async () => {
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
    // The rollup is read at all: the whole days between the edges.
    const { params } = inboundQuery(namedQuery('response/response'), 'roll', PERIOD, groupKey(null), NOW, await readInboundCoverage(db, 'roll'));
    expect(params.use_rollup).toBe(true);
    const value = overviewQueries.valueKpis('roll', PERIOD, await readInboundCoverage(db, 'roll'));
    expect([value.params.use_rollup, value.params.tx_use_rollup]).toEqual([true, true]);
    const inside = { from: new Date('2025-03-18T10:30:00Z'), to: new Date('2025-03-18T12:00:00Z') };
    const within = await bothWays(inside);
    expect(within.hybrid).toEqual(within.rows);
  });

  it('takes a late reply: the day is rebuilt, not added to', async () => {
    const rowsBefore = await rollupRows();
    await later(async (run) => {
      await run.add('interactions', reply(run, 'rh', 'h', '2025-03-25T10:00:00Z', 'cid'));
    });
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
    const [total] = await run('response/response', PERIOD, groupKey(null), true);
    // a, b, c and now h answered; f (bot only), e and k missed; g pending.
    expect(total).toMatchObject({ inbound: '9', replied: '4', missed: '4', pending: '1' });
    // Superseded builds are deleted: the day of h holds one build.
    expect(await rollupRows()).toBe(rowsBefore);
  });

  it('gives the same figures after the same rows are loaded again', async () => {
    const before = await bothWays();
    await later(async (run) => {
      await run.add('interactions', reply(run, 'rh', 'h', '2025-03-25T10:00:00Z', 'cid'));
    });
    const after = await bothWays();
    expect(after.hybrid).toEqual(before.hybrid);
    expect(after.hybrid).toEqual(after.rows);
  });

  it('takes a follow-up loaded later: the lift of the answered message before it', async () => {
    // The period's lift: the total row of the sentiment trend (the last).
    const lift = async (useRollup = true) => (await run('sentiment/trend', PERIOD, groupKey(null), useRollup)).at(-1)!;
    const before = await lift();
    expect(await lift(false)).toEqual(before);
    await later(async (laterRun) => {
      await laterRun.add('interactions', {
        ...reply(laterRun, 'c-2', 'c', '2025-03-19T09:00:00Z', ''),
        direction: 'inbound',
        parent_id: '',
        author_kind: 'customer',
        author_handle: '@c1',
        customer_id: 'c1',
        sentiment: 0.4,
      });
    });
    const after = await lift();
    // c (-0.9, answered) and its author's next message in the thread (0.4): one more pair, +1.3.
    expect(Number(after.lift_pairs)).toBe(Number(before.lift_pairs) + 1);
    expect(Number(after.lift_improved)).toBe(Number(before.lift_improved) + 1);
    expect(await lift(false)).toEqual(after);
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
  });

  it('counts active customers and historical value as the rows do, purchases loaded later included', async () => {
    const kpis = async () => {
      const { sql, params } = overviewQueries.valueKpis('roll', PERIOD, await readInboundCoverage(db, 'roll'));
      return (await db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' })).json<Row>();
    };
    // c1, c2 (messages and purchases), c3 (a message), c9 (a purchase); 100.50 + 20.25 + 7.00 - 30.00.
    expect(await kpis()).toEqual([{ active_customers: '4', historical_value: 97.75 }]);
    await later(async (run) => {
      await run.add('transactions', {
        workspace_id: 'roll',
        transaction_id: 't5',
        customer_id: 'c7',
        occurred_at: '2025-03-25 10:00:00.000',
        kind: 'purchase',
        amount: '1.25',
        currency: 'EUR',
        source: 'fixture',
        ingest_run_id: run.runId,
        version: run.version,
      });
    });
    expect(await kpis()).toEqual([{ active_customers: '5', historical_value: 99 }]);
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
  });

  it('follows a customer who changes segment in a later load', async () => {
    await later(async (run) => {
      await run.add('customers', {
        workspace_id: 'roll',
        customer_id: 'c2',
        name: 'C2',
        email: 'c2@example.com',
        segment: 'smb',
        lifecycle_stage: 'active',
        country: 'DE',
        first_seen_at: '2024-01-01 00:00:00.000',
        attributes: {},
        source: 'fixture',
      });
    });
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
    const bySegment = await run('sentiment/distribution', PERIOD, groupKey(GroupBy.SEGMENT), true);
    expect(bySegment.map((r) => r.key)).toContain('smb');
    expect(bySegment.map((r) => r.key)).not.toContain('consumer');
  });

  it('is not read for days built with another calendar, and is rebuilt by the next refresh', async () => {
    await db.client.insert({
      table: 'workspaces',
      format: 'JSONEachRow',
      values: [{ workspace_id: 'roll', name: 'roll', timezone: 'America/New_York', version: Date.now() * 10 }],
    });
    const stale = await bothWays();
    expect(stale.hybrid).toEqual(stale.rows);
    const staleCoverage = await readInboundCoverage(db, 'roll');
    expect(inboundQuery(namedQuery('response/response'), 'roll', PERIOD, groupKey(null), NOW, staleCoverage).params.use_rollup).toBe(false);
    await refreshRollups(db);
    const { query, params } = withResponseParts(
      inboundQuery(namedQuery('response/response'), 'roll', PERIOD, groupKey(null), NOW, await readInboundCoverage(db, 'roll')),
      ALL_RESPONSE_PARTS,
    );
    expect(params.use_rollup).toBe(true);
    const rebuilt = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    expect(await rebuilt.json()).toEqual(
      await run('response/response', PERIOD, groupKey(null), false),
    );
  });

  it('reads the heatmap from the hourly rollup only where every UTC hour is one local hour', async () => {
    const setZone = async (timezone: string) => {
      await db.client.insert({
        table: 'workspaces',
        format: 'JSONEachRow',
        values: [{ workspace_id: 'roll', name: 'roll', timezone, version: Date.now() * 10 }],
      });
      await refreshRollups(db);
    };
    const heatmap = async (useRollup: boolean) => run(HEATMAP, PERIOD, groupKey(GroupBy.HOUR_OF_WEEK), useRollup);
    // An hourly row of the current build that no message backs: it shows where the rollup is read.
    const plant = async () => {
      const coverage = await readInboundCoverage(db, 'roll');
      const day = '2025-03-20';
      const generation = builtDayList(coverage.hourly!).find((d) => d.day === day)!.generation;
      await db.client.insert({
        table: 'inbound_hourly',
        format: 'JSONEachRow',
        values: [{ workspace_id: 'roll', day, hour: '2025-03-20 13:00:00', brand: 'acme', channel: 'email', is_public: false, segment: '', inbound: 1000, replied: 0, missed: 1000, bot_replied: 0, frt_values: [], business_frt_values: [], generation }],
      });
    };
    const total = (rows: Row[]) => rows.find((r) => Number(r.is_total) === 1)!.inbound;
    // Kolkata is UTC+05:30: a UTC hour spans two local hours, so the rows are read.
    await setZone('Asia/Kolkata');
    expect(inboundQuery(namedQuery(HEATMAP), 'roll', PERIOD, groupKey(GroupBy.HOUR_OF_WEEK), NOW, await readInboundCoverage(db, 'roll'), 'hourly').params.use_rollup).toBe(true);
    await plant();
    expect(await heatmap(true)).toEqual(await heatmap(false));
    // Berlin (whole hours, summer time from 2025-03-30): the rollup is read, the planted row too.
    await setZone('Europe/Berlin');
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
    await plant();
    expect(Number(total(await heatmap(true)))).toBe(Number(total(await heatmap(false))) + 1000);
    await db.client.command({ query: "DELETE FROM inbound_hourly WHERE workspace_id = 'roll' AND inbound = 1000" });
    expect(await heatmap(true)).toEqual(await heatmap(false));
  });

  it('reads each day at its own build after a load rebuilt some: one generation for most days, the others per day', async () => {
    // A message of 2025-03-20 loaded now: its day is rebuilt with a newer generation than the days
    // around it (the whole rollup was rebuilt for the last calendar).
    await later(async (laterRun) => {
      await laterRun.add('interactions', {
        ...reply(laterRun, 'n', '', '2025-03-20T12:00:00Z', ''),
        direction: 'inbound',
        parent_id: '',
        thread_id: 'n',
        author_kind: 'customer',
        author_handle: '@c2',
        customer_id: 'c2',
        sentiment: -0.6,
      });
    });
    const coverage = await readInboundCoverage(db, 'roll');
    const { params } = inboundQuery(namedQuery('response/response'), 'roll', PERIOD, groupKey(null), NOW, coverage);
    expect(params.use_rollup).toBe(true);
    const common = String(params.rollup_generation);
    // The period's whole days served: 2025-03-11 to 2025-03-30 (the SLA cutoff's day is 03-31).
    const served = builtDayList(coverage).filter((d) => d.day >= '2025-03-11' && d.day < '2025-03-31');
    const rebuilt = served.filter((d) => d.generation !== common);
    expect(rebuilt.length).toBeGreaterThan(0);
    expect((params.rollup_exception_generations as bigint[]).length).toBeGreaterThanOrEqual(rebuilt.length);
    const { hybrid, rows } = await bothWays();
    expect(hybrid).toEqual(rows);
    // Rows no reader may count: a day of the common build with a rebuilt day's generation, a
    // rebuilt day with the common (now superseded) generation, a build never made current.
    const plant = async (day: string, generation: string) => {
      await db.client.insert({
        table: 'inbound_daily',
        format: 'JSONEachRow',
        values: [{ workspace_id: 'roll', day, brand: 'acme', channel: 'email', is_public: false, segment: '', lifecycle_stage: '', agent: '', inbound: 1000, missed: 1000, generation }],
      });
    };
    const other = served.find((d) => d.generation === common)!;
    await plant(other.day, rebuilt[0]!.generation);
    await plant(rebuilt[0]!.day, common);
    await plant(other.day, String(BigInt(rebuilt[0]!.generation) + 1n));
    const planted = await bothWays();
    expect(planted.hybrid).toEqual(planted.rows);
    // A row of a rebuilt day's current build is read: planted, it shows.
    await plant(rebuilt[0]!.day, rebuilt[0]!.generation);
    const inbound = async (useRollup: boolean) => Number((await run('response/response', PERIOD, groupKey(null), useRollup))[0]!.inbound);
    expect(await inbound(true)).toBe((await inbound(false)) + 1000);
    await db.client.command({ query: "DELETE FROM inbound_daily WHERE workspace_id = 'roll' AND inbound = 1000" });
    expect(await inbound(true)).toBe(await inbound(false));
  });

  it('rebuilds nothing when nothing changed', async () => {
    expect(await refreshInboundRollup(db, 'roll', { generation: Date.now() * 1000 })).toBe(0);
  });
});
