import { createApiKey, type Role } from '@resonance/sql';
import { MAX_DEPTH } from '../src/app.module';
import type { RunningServer } from '../src/server';
import { fetchSchema, rootOperations, type RootOperation } from './support/schema-walker';
import { loadShop, SHOP_PERIOD } from './support/shop-fixture';
import { graphql, startTestServer } from './support/test-server';

/**
 * Roles (DESIGN.md "API"): viewer reads aggregates; analyst also message texts and customer
 * details; admin also API keys. Every root query is asked with each role.
 */
let server: RunningServer;
const keys: Record<Role, string> = { viewer: '', analyst: '', admin: '' };
let operations: RootOperation[];

/** The least role of each query of this part; the others are aggregates (viewer). */
const LEAST_ROLE: Record<string, Role> = {
  searchCustomers: 'analyst',
  customer: 'analyst',
  messages: 'analyst',
  valueCustomers: 'analyst',
  rejects: 'analyst',
  apiKeys: 'admin',
};

beforeAll(async () => {
  process.env.RESONANCE_RATE_LIMIT_PER_MINUTE = '0';
  // Revocation takes effect at once without the key cache.
  server = await startTestServer({ RESONANCE_KEY_CACHE_SECONDS: '0' });
  const { runId } = await loadShop(server.db);
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    keys[role] = (await createApiKey(server.db, { workspaceId: 'shop', role, name: `${role} key` })).secret;
  }
  const values = {
    byName: {
      filter: { from: SHOP_PERIOD.from.toISOString(), to: SHOP_PERIOD.to.toISOString() },
      query: 'zo',
      id: 'u1',
      runId,
    },
    byType: { String: 'e', ID: 'u1', Int: 5, Float: 1, Boolean: false, DateTime: '2025-03-08T00:00:00Z' },
  };
  operations = rootOperations(await fetchSchema(server.url, keys.admin), values, MAX_DEPTH);
});

afterAll(async () => {
  delete process.env.RESONANCE_RATE_LIMIT_PER_MINUTE;
  await server?.close();
});

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

describe('roles', () => {
  it.each(['viewer', 'analyst', 'admin'] as const)(
    '%s: every query it may ask answers, every other is FORBIDDEN',
    async (role) => {
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const op of operations) {
        const { body } = await graphql(server.url, op.query, op.variables, keys[role]);
        outcome[op.field] = body.errors ? (body.errors[0]!.extensions?.code ?? 'no code') : 'ok';
        expected[op.field] = RANK[role] >= RANK[LEAST_ROLE[op.field] ?? 'viewer'] ? 'ok' : 'FORBIDDEN';
      }
      expect(outcome).toEqual(expected);
    },
  );

  it.each(['viewer', 'analyst', 'admin'] as const)('caller tells a %s key its own role', async (role) => {
    const { body } = await graphql<{ caller: { role: string; keyId: string } }>(
      server.url,
      '{ caller { keyId role } }',
      {},
      keys[role],
    );
    expect(body.data?.caller.role).toBe(role.toUpperCase());
    expect(keys[role]).toContain(`rk_${body.data?.caller.keyId}_`);
  });

  it('an admin creates and revokes keys of its workspace; the secret is shown once and works at once', async () => {
    const created = await graphql<{
      createApiKey: { key: { id: string; role: string; revokedAt: string | null }; secret: string };
    }>(
      server.url,
      'mutation { createApiKey(role: ANALYST, name: "dashboard") { key { id role revokedAt } secret } }',
      {},
      keys.admin,
    );
    expect(created.body.errors).toBeUndefined();
    const { key, secret } = created.body.data!.createApiKey;
    expect(key).toMatchObject({ role: 'ANALYST', revokedAt: null });
    const asked = await graphql<{ searchCustomers: { nodes: { id: string }[] } }>(
      server.url,
      '{ searchCustomers(query: "zo") { nodes { id } } }',
      {},
      secret,
    );
    expect(asked.body.data?.searchCustomers.nodes.map((n) => n.id)).toEqual(['u1']);

    const listed = await graphql<{ apiKeys: { id: string; name: string }[] }>(
      server.url,
      '{ apiKeys { id name } }',
      {},
      keys.admin,
    );
    expect(listed.body.data!.apiKeys.map((k) => k.name)).toEqual([
      'viewer key',
      'analyst key',
      'admin key',
      'dashboard',
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('rk_');

    const revoked = await graphql<{ revokeApiKey: boolean }>(
      server.url,
      `mutation { revokeApiKey(id: "${key.id}") }`,
      {},
      keys.admin,
    );
    expect(revoked.body.data?.revokeApiKey).toBe(true);
    const after = await graphql(server.url, '{ workspace { id } }', {}, secret);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an analyst may not manage keys, and bad key requests are BAD_USER_INPUT', async () => {
    const denied = await graphql(
      server.url,
      'mutation { createApiKey(role: ADMIN, name: "escalate") { secret } }',
      {},
      keys.analyst,
    );
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const blank = await graphql(
      server.url,
      'mutation { createApiKey(role: VIEWER, name: "  ") { secret } }',
      {},
      keys.admin,
    );
    expect(blank.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nul = await graphql(
      server.url,
      'mutation($n: String!) { createApiKey(role: VIEWER, name: $n) { secret } }',
      { n: 'a\u0000b' },
      keys.admin,
    );
    expect(nul.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await graphql<{ revokeApiKey: boolean }>(
      server.url,
      'mutation { revokeApiKey(id: "0123456789abcdef") }',
      {},
      keys.admin,
    );
    expect(unknown.body.data?.revokeApiKey).toBe(false);
  });
});
