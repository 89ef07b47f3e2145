import { createApiKey } from '@resonance/sql';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { ResultCache } from '../src/cache/result-cache';
import { WorkspaceRepository } from '../src/workspace/workspace.repository';
import type { RunningServer } from '../src/server';
import { loadShop, SHOP_PERIOD } from './support/shop-fixture';
import { graphql, startTestServer } from './support/test-server';

// Every GraphQL request runs in its own data-version scope (DataVersionScopeInterceptor): a cold
// request reads the version once, however many cached lookups it makes.

let server: RunningServer;
let key: string;

const FILTER = { from: SHOP_PERIOD.from.toISOString(), to: SHOP_PERIOD.to.toISOString() };

beforeAll(async () => {
  server = await startTestServer();
  await loadShop(server.db, 'shop');
  key = (await createApiKey(server.db, { workspaceId: 'shop', role: 'admin', name: 'scope' })).secret;
});

afterAll(async () => {
  await server?.close();
});

async function versionReads(queries: string[]): Promise<number> {
  server.app.get(ResultCache).invalidate('shop');
  const reads = jest.spyOn(server.app.get(DataVersionRepository), 'version');
  try {
    for (const query of queries) {
      const { status, body } = await graphql(
        server.url,
        query,
        query.includes('$filter') ? { filter: FILTER } : {},
        key,
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    return reads.mock.calls.length;
  } finally {
    reads.mockRestore();
  }
}

describe('one data version read per request', () => {
  it('for a cold gap queue: its page, its filter, its coverage and its valued customers', async () => {
    // The page's result, the own-brands lookup and the inbound coverage are three cached lookups.
    expect(
      await versionReads([
        'query($filter: Filter!) { gapQueue(filter: $filter, first: 5) { totalCount nodes { interactionId customerValue } } }',
      ]),
    ).toBe(1);
  });

  it('for a customer and their timeline, a field resolver with its own cached lookup', async () => {
    expect(await versionReads(['{ customer(id: "u1") { id timeline(first: 5) { nodes { id } } } }'])).toBe(1);
  });

  it('once per request, for requests one after another', async () => {
    const response = 'query($filter: Filter!) { response(filter: $filter, groupBy: CHANNEL) { rows { key inbound } } }';
    const sentiment = 'query($filter: Filter!) { sentiment(filter: $filter) { total { inbound } } }';
    expect(await versionReads([response, sentiment])).toBe(2);
  });
});

describe('the brands (workspace, own-brands default, share of voice)', () => {
  it('are read once per data version, and again after a brand edit', async () => {
    server.app.get(ResultCache).invalidate('shop');
    const reads = jest.spyOn(server.app.get(WorkspaceRepository), 'brands');
    const inbound = async () => {
      const { body } = await graphql<{ response: { total: { inbound: number } } }>(
        server.url,
        'query($filter: Filter!) { response(filter: $filter) { total { inbound } } }',
        { filter: FILTER },
        key,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.response.total.inbound;
    };
    try {
      // The workspace query, a filter's own-brands default and share of voice share one read.
      const workspace = await graphql(server.url, '{ workspace { brands { brand isOwn } } }', {}, key);
      expect(workspace.body.errors).toBeUndefined();
      const before = await inbound();
      const voice = await graphql(
        server.url,
        'query($filter: Filter!) { shareOfVoice(filter: $filter) { brands { brand } } }',
        { filter: FILTER },
        key,
      );
      expect(voice.body.errors).toBeUndefined();
      expect(reads).toHaveBeenCalledTimes(1);
      // A second own brand without messages: the default covers it, and the figures stay the same.
      await server.db.client.insert({
        table: 'brands',
        format: 'JSONEachRow',
        values: [
          { workspace_id: 'shop', brand: 'shop-outlet', name: 'Shop Outlet', is_own: true, handles: ['shopoutlet'] },
        ],
      });
      expect(await inbound()).toBe(before);
      expect(reads).toHaveBeenCalledTimes(2);
      expect(await reads.mock.results[1]!.value).toEqual(
        expect.arrayContaining([expect.objectContaining({ brand: 'shop-outlet', is_own: true })]),
      );
    } finally {
      reads.mockRestore();
    }
  });
});
