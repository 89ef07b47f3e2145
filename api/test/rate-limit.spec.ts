import { createApiKey } from '@resonance/sql';
import type { RunningServer } from '../src/server';
import { loadShop, SHOP_PERIOD } from './support/shop-fixture';
import { graphql, startTestServer } from './support/test-server';

let server: RunningServer;
const keys = { first: '', second: '' };
const BURST = 4;

beforeAll(async () => {
  // A burst of 4 and one token a minute: the fifth request in this test is over the limit.
  process.env.RESONANCE_RATE_LIMIT_BURST = String(BURST);
  process.env.RESONANCE_RATE_LIMIT_PER_MINUTE = '1';
  server = await startTestServer();
  await loadShop(server.db);
  keys.first = (await createApiKey(server.db, { workspaceId: 'shop', role: 'analyst', name: 'first' })).secret;
  keys.second = (await createApiKey(server.db, { workspaceId: 'shop', role: 'analyst', name: 'second' })).secret;
});

afterAll(async () => {
  delete process.env.RESONANCE_RATE_LIMIT_BURST;
  delete process.env.RESONANCE_RATE_LIMIT_PER_MINUTE;
  await server?.close();
});

const WORKSPACE = 'query { workspace { id } }';

describe('per-key rate limit', () => {
  it('refuses a key over its burst with 429 RATE_LIMITED, other keys unaffected, exports included', async () => {
    for (let i = 0; i < BURST - 1; i++) {
      const { status, body } = await graphql<{ workspace: { id: string } }>(server.url, WORKSPACE, {}, keys.first);
      expect(status).toBe(200);
      expect(body.data?.workspace.id).toBe('shop');
    }
    const csv = await fetch(
      `${server.url}/api/export/messages.csv?from=${SHOP_PERIOD.from.toISOString()}&to=${SHOP_PERIOD.to.toISOString()}`,
      {
        headers: { authorization: `Bearer ${keys.first}` },
      },
    );
    expect(csv.status).toBe(200);
    await csv.text();

    const limited = await graphql(server.url, WORKSPACE, {}, keys.first);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.body.data).toBeUndefined();
    const limitedCsv = await fetch(`${server.url}/api/export/messages.csv?from=x`, {
      headers: { authorization: `Bearer ${keys.first}` },
    });
    expect(limitedCsv.status).toBe(429);
    expect(Number(limitedCsv.headers.get('retry-after'))).toBeGreaterThan(0);

    const other = await graphql<{ workspace: { id: string } }>(server.url, WORKSPACE, {}, keys.second);
    expect(other.status).toBe(200);
    expect(other.body.data?.workspace.id).toBe('shop');
  });

  it('limits guesses without a valid key too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= BURST; i++) statuses.push((await graphql(server.url, WORKSPACE, {}, 'not-a-key')).status);
    expect(statuses.slice(0, BURST).every((s) => s !== 429)).toBe(true);
    expect(statuses[BURST]).toBe(429);
  });
});
