import { createApiKey, revokeApiKey } from '@resonance/sql';
import { OVERVIEW_BENCH_QUERIES } from '../src/overview/overview.bench-queries';
import { withBenchPeriod } from '../src/response/response.bench-queries';
import type { RunningServer } from '../src/server';
import { WORKSPACE_BENCH_QUERIES } from '../src/workspace/workspace.bench-queries';
import { ACME_PERIOD, acmeExpected, betaExpected, loadAcme, loadBeta } from './support/fixture';
import { graphql, startTestServer } from './support/test-server';

// The dashboard's own Overview operation: isolation is proven on what the page asks.
const OVERVIEW = OVERVIEW_BENCH_QUERIES[0]!.query;
const WORKSPACE = /* GraphQL */ `
  query {
    workspace {
      id
      name
      currency
      brands {
        brand
        isOwn
      }
      segments
      channels
      dataFrom
      dataTo
    }
  }
`;
const BOTH = /* GraphQL */ `
  query Both($filter: Filter!) {
    workspace {
      id
    }
    overview(filter: $filter) {
      current {
        inbound
      }
    }
  }
`;
const filter = { from: ACME_PERIOD.from.toISOString(), to: ACME_PERIOD.to.toISOString() };

interface OverviewData {
  overview: {
    period: { from: string; to: string };
    current: Record<string, number | null>;
    previous: { inbound: number };
    trend: { bucket: string; inbound: number }[];
  };
}
interface WorkspaceData {
  workspace: {
    id: string;
    name: string;
    currency: string;
    brands: { brand: string }[];
    segments: string[];
    channels: string[];
    dataFrom: string;
    dataTo: string;
  };
}

let server: RunningServer;
const keys: Record<'acme' | 'beta' | 'viewer' | 'revoked', string> = { acme: '', beta: '', viewer: '', revoked: '' };

beforeAll(async () => {
  server = await startTestServer();
  await loadAcme(server.db);
  await loadBeta(server.db);
  keys.acme = (await createApiKey(server.db, { workspaceId: 'acme', role: 'admin', name: 'acme admin' })).secret;
  keys.beta = (await createApiKey(server.db, { workspaceId: 'beta', role: 'analyst', name: 'beta analyst' })).secret;
  keys.viewer = (await createApiKey(server.db, { workspaceId: 'acme', role: 'viewer', name: 'acme viewer' })).secret;
  const revoked = await createApiKey(server.db, { workspaceId: 'acme', role: 'admin', name: 'gone' });
  await revokeApiKey(server.db, 'acme', revoked.keyId);
  keys.revoked = revoked.secret;
});

afterAll(async () => {
  await server?.close();
});

describe('authentication', () => {
  it.each<[string, () => string | undefined]>([
    ['no Authorization header', () => undefined],
    ['a key that does not exist', () => `rk_0123456789abcdef_${'A'.repeat(43)}`],
    ['a key with one character changed', () => `${keys.acme.slice(0, -1)}${keys.acme.endsWith('A') ? 'B' : 'A'}`],
    ['something that is not a key', () => 'password123'],
    ['a revoked key', () => keys.revoked],
  ])('%s: UNAUTHENTICATED and no data', async (_name, key) => {
    for (const query of [OVERVIEW, WORKSPACE, BOTH]) {
      const { body } = await graphql(server.url, query, { filter }, key());
      expect(body.data).toBeNull();
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(body.errors?.every((e) => e.extensions?.code === 'UNAUTHENTICATED')).toBe(true);
    }
  });

  it('a malformed Authorization header is UNAUTHENTICATED', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${keys.acme}` },
      body: JSON.stringify({ query: WORKSPACE }),
    });
    const body = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a viewer key may read', async () => {
    const { body } = await graphql<WorkspaceData>(server.url, WORKSPACE, {}, keys.viewer);
    expect(body.errors).toBeUndefined();
    expect(body.data?.workspace.id).toBe('acme');
  });
});

describe('workspace isolation', () => {
  it("a key of acme sees acme's figures, worked out by hand", async () => {
    const { body } = await graphql<OverviewData>(server.url, OVERVIEW, { filter }, keys.acme);
    expect(body.errors).toBeUndefined();
    const { current, previous, period, trend } = body.data!.overview;
    expect(period).toEqual({ from: '2025-03-08T00:00:00.000Z', to: '2025-03-15T00:00:00.000Z' });
    // The real clock is long after the fixture: nothing is pending any more.
    const { pending, missed, frtP50Seconds, frtP90Seconds, responseRate, historicalValue, ...rest } =
      acmeExpected.current;
    expect(current).toMatchObject({
      ...rest,
      pending: 0,
      missed: missed + pending,
      frtP50Seconds,
      frtP90Seconds,
      responseRate,
    });
    expect(current.historicalValue).toBeCloseTo(historicalValue, 9);
    expect(previous.inbound).toBe(acmeExpected.previous.inbound);
    expect(trend.map((t) => t.inbound)).toEqual(acmeExpected.trend.map((t) => t[1]));
  });

  it("a key of beta sees only beta's figures, even for acme's brand", async () => {
    const { body } = await graphql<OverviewData>(server.url, OVERVIEW, { filter }, keys.beta);
    expect(body.errors).toBeUndefined();
    const { current, previous } = body.data!.overview;
    expect(current).toMatchObject(betaExpected);
    expect(previous.inbound).toBe(0);
    const asked = await graphql<OverviewData>(
      server.url,
      OVERVIEW,
      { filter: { ...filter, brands: ['acme', 'rival'] } },
      keys.beta,
    );
    // No message of beta's is about acme or rival; transactions are not per brand, and they are beta's own.
    expect(asked.body.data!.overview.current).toMatchObject({
      inbound: 0,
      amplifiedNegativeReach: 0,
      activeCustomers: 1,
      historicalValue: 5000,
    });
  });

  it('workspace describes the key holder only', async () => {
    const acme = (await graphql<WorkspaceData>(server.url, WORKSPACE, {}, keys.acme)).body.data!.workspace;
    const beta = (await graphql<WorkspaceData>(server.url, WORKSPACE, {}, keys.beta)).body.data!.workspace;
    expect(acme).toMatchObject({
      id: 'acme',
      name: 'Acme Corp',
      segments: ['consumer', 'enterprise', 'smb'],
      dataTo: '2025-03-14T20:00:00.000Z',
    });
    expect(beta).toEqual({
      id: 'beta',
      name: 'Beta GmbH',
      currency: 'EUR',
      brands: [{ brand: 'beta', isOwn: true }],
      segments: ['retail'],
      channels: ['instagram', 'whatsapp'],
      dataFrom: '2025-03-09T08:00:00.000Z',
      dataTo: '2025-03-13T09:00:00.000Z',
    });
  });
});

describe('errors', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['from after to', { from: filter.to, to: filter.from }, 'EMPTY_PERIOD'],
    ['a period over three years', { from: '2020-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, 'PERIOD_TOO_LONG'],
    ['an unknown channel', { ...filter, channels: ['fax'] }, 'INVALID_FILTER'],
  ])('%s is BAD_USER_INPUT with a reason', async (_name, bad, reason) => {
    const { body } = await graphql(server.url, OVERVIEW, { filter: bad }, keys.acme);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason });
  });

  it('a DateTime without a time zone is BAD_USER_INPUT', async () => {
    const { body } = await graphql(
      server.url,
      OVERVIEW,
      { filter: { ...filter, from: '2025-03-08T00:00:00' } },
      keys.acme,
    );
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an operation over the complexity budget is refused before it runs', async () => {
    const many = Array.from(
      { length: 40 },
      (_, i) =>
        `o${i}: overview(filter: $filter) { current { inbound replied pending missed } previous { inbound replied pending missed } trend { bucket inbound responseRate netSentiment } }`,
    );
    const { body } = await graphql(server.url, `query($filter: Filter!) { ${many.join('\n')} }`, { filter }, keys.acme);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/maximum is/);
  });

  it('responses carry no stack traces', async () => {
    const { body } = await graphql(server.url, OVERVIEW, { filter: { ...filter, channels: ['fax'] } });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});

describe('benchmark operations', () => {
  it('every overview and workspace operation the benchmark times runs without errors', async () => {
    const operations = [...withBenchPeriod(OVERVIEW_BENCH_QUERIES, filter.from, filter.to), ...WORKSPACE_BENCH_QUERIES];
    for (const { name, query, variables } of operations) {
      const { body } = await graphql(server.url, query, variables, keys.acme);
      expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      expect(body.data).toBeTruthy();
    }
  });
});
