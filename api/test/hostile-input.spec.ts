import { createApiKey } from '@resonance/sql';
import type { RunningServer } from '../src/server';
import { loadShop, SHOP_PERIOD } from './support/shop-fixture';
import { graphql, startTestServer, type GraphQLResponse } from './support/test-server';

/**
 * Hostile and absurd inputs through HTTP: each gets a clear error code (or a plain empty answer
 * where the input is merely unusual), never a stack trace or SQL, and the server keeps serving.
 */
let server: RunningServer;
let key = '';
const period = { from: SHOP_PERIOD.from.toISOString(), to: SHOP_PERIOD.to.toISOString() };

beforeAll(async () => {
  process.env.RESONANCE_RATE_LIMIT_PER_MINUTE = '0';
  server = await startTestServer();
  await loadShop(server.db);
  key = (await createApiKey(server.db, { workspaceId: 'shop', role: 'admin', name: 'hostile' })).secret;
});

afterAll(async () => {
  delete process.env.RESONANCE_RATE_LIMIT_PER_MINUTE;
  await server?.close();
});

const SEARCH =
  'query($q: String!, $first: Int, $after: String) { searchCustomers(query: $q, first: $first, after: $after) { nodes { id } pageInfo { hasNextPage } } }';
const MESSAGES = 'query($filter: Filter!, $first: Int) { messages(filter: $filter, first: $first) { nodes { id } } }';
const OVERVIEW = 'query($filter: Filter!) { overview(filter: $filter) { current { inbound } } }';

type Body = GraphQLResponse<unknown>['body'];

function expectClean(body: Body): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\bat .*\.[jt]s:\d+|SELECT |DB::Exception|Code: \d+/);
}

function expectError(response: GraphQLResponse<unknown>, code: string, reason?: string): void {
  expectClean(response.body);
  const error = response.body.errors?.[0];
  expect(error?.extensions?.code).toBe(code);
  if (reason) expect(error?.extensions?.reason).toBe(reason);
  expect(response.status).toBeLessThan(500);
}

const search = (q: string, extra: Record<string, unknown> = {}) =>
  graphql<{ searchCustomers: { nodes: { id: string }[] } }>(server.url, SEARCH, { q, ...extra }, key);

describe('hostile inputs', () => {
  it.each([
    ['NUL', 'zo\u0000e'],
    ['a lone high surrogate', 'zo\uD800'],
    ['a lone low surrogate', '\uDC00zo'],
    ['a bell and an escape', 'zo\u0007\u001b[31m'],
    ['only spaces', '   '],
    ['10 000 characters', 'z'.repeat(10_000)],
  ])('a search with %s is BAD_USER_INPUT / INVALID_SEARCH', async (_name, q) => {
    expectError(await search(q), 'BAD_USER_INPUT', 'INVALID_SEARCH');
  });

  it.each([
    ['right-to-left text', '\u202Eeoz\u202C'],
    ['Arabic', 'مرحبا'],
    ['emoji and ZWJ sequences', '👩‍👩‍👧🏳️‍🌈'],
    ['combining marks', 'Zoe\u0308'],
    ['an SQL fragment', "' OR '1'='1' --"],
    ['a UNION', "x%' UNION ALL SELECT name FROM system.tables --"],
    ['a query parameter', '{workspace_id:String}'],
    ['LIKE wildcards only', '%%__%%'],
  ])('a search with %s is just text: no error, no other workspace, no wildcard', async (_name, q) => {
    const { body } = await search(q);
    expectClean(body);
    expect(body.errors).toBeUndefined();
    expect((body.data as { searchCustomers: { nodes: unknown[] } }).searchCustomers.nodes.length).toBeLessThanOrEqual(
      1,
    );
  });

  it.each([
    ['reversed', { from: period.to, to: period.from }, 'EMPTY_PERIOD'],
    ['empty', { from: period.from, to: period.from }, 'EMPTY_PERIOD'],
    ['thousands of years', { from: '1900-01-01T00:00:00Z', to: '2299-12-31T00:00:00Z' }, 'PERIOD_TOO_LONG'],
    ['10 000 channels', { ...period, channels: Array.from({ length: 10_000 }, () => 'twitter') }, 'INVALID_FILTER'],
    ['an unknown channel', { ...period, channels: ['twitter', "fax'; DROP TABLE interactions; --"] }, 'INVALID_FILTER'],
  ])('a %s period or filter is BAD_USER_INPUT with a reason', async (_name, filter, reason) => {
    for (const query of [MESSAGES, OVERVIEW])
      expectError(await graphql(server.url, query, { filter }, key), 'BAD_USER_INPUT', reason);
  });

  it.each([
    ['a year before 1900', { ...period, from: '0001-01-01T00:00:00Z' }],
    ['a negative year', { ...period, from: '-000001-01-01T00:00:00Z' }],
    ['a number', { ...period, from: -1 }],
    ['no time zone', { ...period, from: '2025-03-08T00:00:00' }],
    ['the 30th of February', { ...period, from: '2025-02-30T00:00:00Z' }],
  ])('a date that is %s is BAD_USER_INPUT', async (_name, filter) => {
    expectError(await graphql(server.url, MESSAGES, { filter }, key), 'BAD_USER_INPUT');
  });

  it('odd strings in filter lists are values, not SQL', async () => {
    const filter = {
      ...period,
      brands: ["shop' OR 1=1 --", '\u202Eshop', '🙂', 'a\u0000b'],
      segments: ["') OR ('1'='1"],
    };
    const { body } = await graphql<{ messages: { nodes: unknown[] } }>(server.url, MESSAGES, { filter }, key);
    expectClean(body);
    expect(body.errors?.[0]?.extensions?.code ?? 'none').toMatch(/^(none|BAD_USER_INPUT)$/);
    if (!body.errors) expect(body.data!.messages.nodes).toEqual([]);
  });

  it.each([
    ['a million', 1_000_000, 'BAD_USER_INPUT'],
    ['zero', 0, 'BAD_USER_INPUT'],
    ['negative', -5, 'BAD_USER_INPUT'],
    ['beyond 32 bits', 2 ** 40, 'BAD_USER_INPUT'],
    ['a fraction', 2.5, 'BAD_USER_INPUT'],
  ])('a page size of %s is refused', async (_name, first, code) => {
    expectError(await search('zo', { first }), code);
    expectError(await graphql(server.url, MESSAGES, { filter: period, first }, key), code);
  });

  it('a nested page (a customer timeline) is bounded too', async () => {
    const timeline = (first: number, after = '') =>
      graphql(server.url, `{ customer(id: "u1") { timeline(first: ${first}${after}) { nodes { id } } } }`, {}, key);
    expectError(await timeline(1000), 'BAD_USER_INPUT', 'INVALID_ARGUMENT');
    expectError(await timeline(5, ', after: "garbage"'), 'BAD_USER_INPUT', 'INVALID_CURSOR');
    expect((await timeline(100)).body.errors).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a cursor ✗'],
    ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a cursor of another list', Buffer.from('[1741600000000,"a1"]').toString('base64url')],
    ['a huge number', Buffer.from('[1e300]').toString('base64url')],
    ['10 000 characters', 'A'.repeat(10_000)],
  ])('a cursor that is %s is BAD_USER_INPUT', async (_name, after) => {
    expectError(await search('zo', { after }), 'BAD_USER_INPUT');
  });

  it('a query nested deeper than the limit is refused before it runs', async () => {
    const nested = (levels: number) =>
      `query { workspace { ${'brands { '.repeat(levels)}brand${' }'.repeat(levels)} } }`;
    const response = await graphql(server.url, nested(12), {}, key);
    expectError(response, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors!.some((e) => /nested 14 levels deep; the maximum is 8/.test(e.message))).toBe(true);
  });

  it('an operation over the cost budget is refused before it runs', async () => {
    const many = Array.from(
      { length: 120 },
      (_, i) => `s${i}: searchCustomers(query: "zo") { nodes { id name email } pageInfo { hasNextPage } }`,
    );
    expectError(await graphql(server.url, `query { ${many.join(' ')} }`, {}, key), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('a huge request body is refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: SEARCH, variables: { q: 'zo', padding: 'x'.repeat(5_000_000) } }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });

  it.each([
    ['an unknown enum value in a variable', 'query($f: Filter!, $g: GroupBy) { response(filter: $f, groupBy: $g) { total { inbound } } }', { g: 'DROP_TABLE' }],
    ['a wrongly typed variable', 'query($f: Filter!, $n: Int) { gapQueue(filter: $f, first: $n) { totalCount } }', { n: 'ten' }],
    ['a missing required variable', 'query($f: Filter!, $q: String!) { searchCustomers(query: $q) { nodes { id } } overview(filter: $f) { current { inbound } } }', {}],
  ])('%s is BAD_USER_INPUT, not an internal error', async (_name, query, variables) => {
    expectError(await graphql(server.url, query, { f: period, ...variables }, key), 'BAD_USER_INPUT');
  });

  it('keeps serving after all of it', async () => {
    const { body } = await search('zo');
    expect(body.errors).toBeUndefined();
    expect(
      (body.data as { searchCustomers: { nodes: { id: string }[] } }).searchCustomers.nodes.map((n) => n.id),
    ).toEqual(['u1']);
  });
});
