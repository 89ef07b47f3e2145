import { IngestRun } from '@resonance/pipelines';
import { createApiKey } from '@resonance/sql';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../src/cache/result-cache';
import { FixedClock } from '../src/common/clock';
import { csvField } from '../src/export/csv';
import { ExportRepository } from '../src/export/export.repository';
import { ExportService } from '../src/export/export.service';
import { FilterService } from '../src/filter/filter.service';
import type { RunningServer } from '../src/server';
import { csvObjects, parseCsv } from './support/csv';
import { loadShop, SHOP_PERIOD } from './support/shop-fixture';
import { graphql, startTestServer } from './support/test-server';
import { WorkspaceRepository } from '../src/workspace/workspace.repository';
import { ValueRepository } from '../src/value/value.repository';
import { ValueService } from '../src/value/value.service';

let server: RunningServer;
const keys = { analyst: '', viewer: '' };
const period = `from=${SHOP_PERIOD.from.toISOString()}&to=${SHOP_PERIOD.to.toISOString()}`;

beforeAll(async () => {
  server = await startTestServer();
  await loadShop(server.db);
  await loadShop(server.db, 'other', { mark: 'OTHER', scale: 3 });
  // A competitor's mention: tracked (share of voice), not one of shop's own inbound messages.
  await server.db.client.insert({
    table: 'brands',
    format: 'JSONEachRow',
    values: [{ workspace_id: 'shop', brand: 'rival', name: 'Rival', is_own: false, handles: ['rival'] }],
  });
  const run = await IngestRun.start(server.db, 'shop', 'fixture', ['rival.csv']);
  await run.add('interactions', {
    workspace_id: 'shop',
    interaction_id: 'x1',
    source: 'fixture',
    brand: 'rival',
    channel: 'twitter',
    direction: 'inbound',
    is_public: true,
    created_at: '2025-03-11 12:00:00.000',
    thread_id: 'x1',
    parent_id: '',
    author_kind: 'customer',
    author_handle: '@someone',
    author_followers: 10,
    customer_id: '',
    agent: '',
    is_automated: false,
    text: 'rival is slow',
    lang: 'en',
    sentiment: -0.4,
    sentiment_source: 'fixture',
    topics: [],
    csat: null,
    ingest_run_id: run.runId,
    version: run.version,
  });
  await run.finish();
  keys.analyst = (await createApiKey(server.db, { workspaceId: 'shop', role: 'analyst', name: 'analyst' })).secret;
  keys.viewer = (await createApiKey(server.db, { workspaceId: 'shop', role: 'viewer', name: 'viewer' })).secret;
});

afterAll(async () => {
  await server?.close();
});

const get = (query: string, key?: string) =>
  fetch(`${server.url}/api/export/messages.csv?${query}`, {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });

describe('CSV fields', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(-0.5)).toBe('-0.5');
  });
});

describe('GET /api/export/messages.csv', () => {
  it('streams one row per inbound message of the period with reply time, sentiment, reach, customer and segment', async () => {
    const response = await get(period, keys.analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="messages-2025-03-08-2025-03-15.csv"',
    );
    const rows = csvObjects(await response.text());
    // a0 is before the period; replies are not inbound messages
    expect(rows.map((r) => r.message_id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    const [a1, a2, a3, a4] = rows as [
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
    ];
    // answered by ann 15 minutes later; reach = followers (no engagement snapshot)
    expect(a1).toMatchObject({
      created_at: '2025-03-10T10:00:00.000Z',
      brand: 'shop',
      channel: 'twitter',
      is_public: 'true',
      customer_id: 'u1',
      segment: 'vip',
      author: "'@zoe_m",
      text: 'Where is my parcel?',
      sentiment: '-0.5',
      sentiment_class: 'negative',
      status: 'replied',
      first_reply_at: '2025-03-10T10:15:00.000Z',
      reply_seconds: '900',
      reply_agent: 'ann',
      bot_reply_at: '',
      reach: '200',
      impressions: '',
    });
    // quotes and commas survive the round trip; the real clock is long after: unanswered = missed
    expect(a2).toMatchObject({
      text: 'Thanks, "it" arrived, great',
      sentiment_class: 'positive',
      status: 'missed',
      reply_seconds: '',
      reach: '',
    });
    // only a bot answered: not a reply; sentiment 0 is neutral; the line break stays inside the field
    expect(a3).toMatchObject({
      text: 'line one\nline two',
      sentiment: '0',
      sentiment_class: 'neutral',
      status: 'missed',
      bot_reply_at: '2025-03-12T08:00:05.000Z',
      segment: 'consumer',
    });
    // reach = impressions of the snapshot; a formula-looking text is defused
    expect(a4).toMatchObject({
      shares: '7',
      quotes: '1',
      impressions: '12000',
      reach: '12000',
      text: "'=cmd|' /C calc'!A0 worst shop",
      sentiment: '-0.875',
    });
  });

  it('applies the filter given as query parameters', async () => {
    const twitter = csvObjects(await (await get(`${period}&channels=twitter`, keys.analyst)).text());
    expect(twitter.map((r) => r.message_id)).toEqual(['a1', 'a4']);
    const consumers = csvObjects(
      await (await get(`${period}&segments=consumer&segments=vip&publicOnly=true`, keys.analyst)).text(),
    );
    expect(consumers.map((r) => r.message_id)).toEqual(['a1', 'a4']);
    const none = parseCsv(await (await get(`${period}&brands=nobody`, keys.analyst)).text());
    expect(none).toHaveLength(1);
  });

  it("covers the workspace's own brands by default, as the figures do; brands= is every brand", async () => {
    const all = csvObjects(await (await get(`${period}&brands=`, keys.analyst)).text());
    expect(all.map((r) => r.message_id)).toEqual(['a1', 'a2', 'x1', 'a3', 'a4']);
    const rival = csvObjects(await (await get(`${period}&brands=rival`, keys.analyst)).text());
    expect(rival.map((r) => [r.message_id, r.brand, r.reach])).toEqual([['x1', 'rival', '10']]);
  });

  it.each<[string, string, string | undefined, number, string, string | undefined]>([
    ['no key', period, undefined, 401, 'UNAUTHENTICATED', undefined],
    ['a viewer key (texts need analyst)', period, 'viewer', 403, 'FORBIDDEN', undefined],
    [
      'a reversed period',
      `from=${SHOP_PERIOD.to.toISOString()}&to=${SHOP_PERIOD.from.toISOString()}`,
      'analyst',
      400,
      'BAD_USER_INPUT',
      'EMPTY_PERIOD',
    ],
    ['no period', '', 'analyst', 400, 'BAD_USER_INPUT', 'INVALID_QUERY'],
    [
      'a date without a zone',
      'from=2025-03-08T00:00:00&to=2025-03-15T00:00:00Z',
      'analyst',
      400,
      'BAD_USER_INPUT',
      'INVALID_QUERY',
    ],
    ['an unknown parameter', `${period}&workspace=other`, 'analyst', 400, 'BAD_USER_INPUT', 'INVALID_QUERY'],
    ['an unknown channel', `${period}&channels=fax`, 'analyst', 400, 'BAD_USER_INPUT', 'INVALID_FILTER'],
    ['SQL in a list', `${period}&brands=${encodeURIComponent("x') OR 1=1 --")}`, 'analyst', 200, '', undefined],
  ])('%s', async (_name, query, role, status, code, reason) => {
    const response = await get(query, role === undefined ? undefined : keys[role as 'analyst' | 'viewer']);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(body).not.toContain('OTHER');
    if (status === 200) {
      expect(parseCsv(body)).toHaveLength(1);
      return;
    }
    const { errors } = JSON.parse(body) as {
      errors: { message: string; extensions: { code: string; reason?: string } }[];
    };
    expect(errors[0]!.extensions).toEqual({ code, ...(reason ? { reason } : {}) });
    expect(body).not.toMatch(/SELECT|stack|\.ts:\d+/);
  });
});

describe('messages (GraphQL)', () => {
  const MESSAGES = /* GraphQL */ `
    query ($filter: Filter!, $after: String) {
      messages(filter: $filter, first: 3, after: $after) {
        nodes {
          id
          status
          replySeconds
          reach
          segment
          text
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  `;
  type Data = {
    messages: {
      nodes: { id: string; status: string; replySeconds: number | null; reach: number | null }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
  };

  it('pages the same rows', async () => {
    const filter = { from: SHOP_PERIOD.from.toISOString(), to: SHOP_PERIOD.to.toISOString() };
    const first = await graphql<Data>(server.url, MESSAGES, { filter }, keys.analyst);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.messages.nodes.map((n) => [n.id, n.status, n.replySeconds, n.reach])).toEqual([
      ['a1', 'replied', 900, 200],
      ['a2', 'missed', null, null],
      ['a3', 'missed', null, null],
    ]);
    expect(first.body.data!.messages.pageInfo.hasNextPage).toBe(true);
    const second = await graphql<Data>(
      server.url,
      MESSAGES,
      { filter, after: first.body.data!.messages.pageInfo.endCursor },
      keys.analyst,
    );
    expect(second.body.data!.messages.nodes.map((n) => n.id)).toEqual(['a4']);
    const viewer = await graphql<Data>(server.url, MESSAGES, { filter }, keys.viewer);
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('streaming in pages', () => {
  it('reads page by page and joins the pages into the same CSV', async () => {
    const clock = new FixedClock(new Date('2025-03-13T13:00:00Z'));
    const cache = new ResultCache(
      new DataVersionRepository(server.db),
      new FixedClock(new Date()),
      DEFAULT_RESULT_CACHE_OPTIONS,
    );
    const service = new ExportService(
      new ExportRepository(server.db),
      new FilterService(new WorkspaceRepository(server.db), cache),
      clock,
      cache,
      new ValueService(new ValueRepository(server.db), clock, cache),
    );
    const chunks: string[] = [];
    for await (const chunk of await service.csv('shop', { ...SHOP_PERIOD }, 1)) chunks.push(chunk);
    // header + one chunk per message (a page of one row each)
    expect(chunks).toHaveLength(5);
    const rows = csvObjects(chunks.join(''));
    expect(rows.map((r) => r.message_id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    // At 13:00 on the 13th, a4 (an hour old) is pending and a2 (two days old) missed.
    expect(rows.map((r) => r.status)).toEqual(['replied', 'missed', 'missed', 'pending']);

    // Two weeks, read a week at a time in pages of two: every message once, in order.
    const twoWeeks: string[] = [];
    const period = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-15T00:00:00Z') };
    for await (const chunk of await service.csv('shop', period, 2)) twoWeeks.push(chunk);
    expect(csvObjects(twoWeeks.join('')).map((r) => r.message_id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });
});

describe('the drill-down narrowings through HTTP', () => {
  const MESSAGE_IDS = /* GraphQL */ `
    query Messages($filter: Filter!) {
      messages(filter: $filter, first: 100) {
        nodes {
          id
        }
      }
    }
  `;

  it('messages.csv and messages take hoursOfWeek, terms and sentiments alike', async () => {
    // a1 (Monday 10:00 UTC, the workspace's zone) is "Where is my parcel?", negative.
    for (const [query, filter] of [
      ['hoursOfWeek=10', { hoursOfWeek: [10] }],
      ['terms=parcel', { terms: ['parcel'] }],
      ['sentiments=NEGATIVE', { sentiments: ['NEGATIVE'] }],
    ] as const) {
      const csv = csvObjects(await (await get(`${period}&${query}`, keys.analyst)).text()).map((r) => r.message_id);
      const { body } = await graphql<{ messages: { nodes: { id: string }[] } }>(
        server.url,
        MESSAGE_IDS,
        { filter: { from: SHOP_PERIOD.from, to: SHOP_PERIOD.to, ...filter } },
        keys.analyst,
      );
      expect(csv).toContain('a1');
      expect(body.data?.messages.nodes.map((n) => n.id)).toEqual(csv);
    }
    const refused = await get(`${period}&experiences=MISSED`, keys.analyst);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('list of customers');
  });
});

describe('GET /api/export/customers.csv and valueCustomers', () => {
  const VALUE = /* GraphQL */ `
    query Value($filter: Filter!) {
      serviceValue(filter: $filter) {
        rows {
          segment
          experience
          customers
        }
      }
      cohortRetention(filter: $filter) {
        cohort
        experience
        customers
      }
    }
  `;
  const CUSTOMERS = /* GraphQL */ `
    query ValueCustomers($filter: Filter!, $population: ValuePopulation!) {
      valueCustomers(filter: $filter, population: $population, first: 100) {
        totalCount
        nodes {
          customerId
          segment
          experience
          cohort
          predictedClv
          pAlive
        }
      }
    }
  `;
  interface Customers {
    valueCustomers: {
      totalCount: number;
      nodes: { customerId: string; experience: string; cohort: string | null; predictedClv: number | null }[];
    };
  }
  const customersCsv = (query: string, key?: string) =>
    fetch(`${server.url}/api/export/customers.csv?${query}`, {
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });

  it("lists each figure's customers: as many as its base, the same in the CSV", async () => {
    const filter = { from: SHOP_PERIOD.from, to: SHOP_PERIOD.to };
    const value = await graphql<{
      serviceValue: { rows: { segment: string; experience: string; customers: number }[] };
      cohortRetention: { cohort: string; experience: string; customers: number }[];
    }>(server.url, VALUE, { filter }, keys.analyst);
    const rows = value.body.data!.serviceValue.rows.filter((r) => r.segment === '');
    // The run has u1 only (a1 answered, a later message missed: the latest decides).
    expect(rows).toEqual([{ segment: '', experience: 'MISSED', customers: 1 }]);
    const cohorts = value.body.data!.cohortRetention;
    expect(cohorts.length).toBeGreaterThan(0);

    for (const { experience, customers } of rows) {
      const list = await graphql<Customers>(
        server.url,
        CUSTOMERS,
        { filter: { ...filter, experiences: [experience] }, population: 'CLV_RUN' },
        keys.analyst,
      );
      expect(list.body.data!.valueCustomers.totalCount).toBe(customers);
      expect(list.body.data!.valueCustomers.nodes).toEqual([
        { customerId: 'u1', segment: 'vip', experience, cohort: null, predictedClv: 321.5, pAlive: 0.8 },
      ]);
      const csv = csvObjects(
        await (await customersCsv(`population=CLV_RUN&${period}&experiences=${experience}`, keys.analyst)).text(),
      );
      expect(csv).toEqual([
        {
          customer_id: 'u1',
          segment: 'vip',
          experience: 'missed',
          cohort: '',
          predicted_clv: '321.5',
          p_alive: '0.8',
          historical_value: '100',
        },
      ]);
    }
    for (const { cohort, experience, customers } of cohorts) {
      const query = `population=PURCHASE_COHORTS&${period}&experiences=${experience}&cohorts=${cohort}`;
      const csv = csvObjects(await (await customersCsv(query, keys.analyst)).text());
      expect([cohort, experience, csv.length]).toEqual([cohort, experience, customers]);
      expect(new Set(csv.map((r) => r.cohort))).toEqual(new Set([cohort]));
    }
  });

  it.each<[string, string, string | undefined, number, string | undefined]>([
    ['a viewer key (customer details need analyst)', `population=CLV_RUN&${period}`, 'viewer', 403, undefined],
    ['no population', period, 'analyst', 400, 'INVALID_QUERY'],
    ['an unknown population', `population=EVERYONE&${period}`, 'analyst', 400, 'INVALID_QUERY'],
    ['cohorts of the CLV run', `population=CLV_RUN&${period}&cohorts=2025-03`, 'analyst', 400, 'INVALID_FILTER'],
    ['an unknown experience', `population=CLV_RUN&${period}&experiences=HAPPY`, 'analyst', 400, 'INVALID_QUERY'],
  ])('refuses %s', async (_name, query, role, status, reason) => {
    const response = await customersCsv(query, role === undefined ? undefined : keys[role as 'analyst' | 'viewer']);
    expect(response.status).toBe(status);
    const body = await response.text();
    if (reason) expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { reason } }] });
  });

  it('valueCustomers is for analysts', async () => {
    const viewer = await graphql<Customers>(
      server.url,
      CUSTOMERS,
      { filter: { from: SHOP_PERIOD.from, to: SHOP_PERIOD.to }, population: 'CLV_RUN' },
      keys.viewer,
    );
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
