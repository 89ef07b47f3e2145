import { createApiKey } from '@resonance/sql';
import { ResultCache } from '../src/cache/result-cache';
import { MAX_DEPTH } from '../src/app.module';
import type { RunningServer } from '../src/server';
import { loadAcme } from './support/fixture';
import { fetchSchema, rootOperations, type ArgumentValues, type RootOperation } from './support/schema-walker';
import { loadShop } from './support/shop-fixture';
import { graphql, startTestServer } from './support/test-server';

/**
 * Workspace isolation, proven over the whole schema: every root query field, with a minimal valid
 * operation built from the introspected schema, is asked with workspace A's admin key before and
 * after workspace B is loaded. B shares every id with A (same fixtures), carries a unique marker
 * in every text, name and handle, and scaled values. A's answers must not change by one figure
 * and never contain B's marker.
 */
const A = 'wsa';
const B = 'wsb';
const MARK = 'ZqxLeakB';

let server: RunningServer;
const keys = { a: '', b: '' };
let runIds: { a: string; b: string };

const values = (): ArgumentValues => ({
  byName: {
    // Wide enough to hold both fixtures' periods.
    filter: { from: '2025-02-01T00:00:00Z', to: '2025-04-01T00:00:00Z' },
    // Matches customers of both workspaces ("Zoë", "zoe@…", handles).
    query: 'zo',
    // Ids that exist in both workspaces.
    id: 'u1',
    // A's own load (B's is asked for apart, below: its id exists only once B is loaded).
    runId: runIds.a,
  },
  byType: { String: 'e', ID: 'u1', Int: 5, Float: 1, Boolean: false, DateTime: '2025-03-08T00:00:00Z' },
});

/** Fields that move with the wall clock between two walks (ages measured "now"). */
const CLOCK_FIELDS = /^age(Seconds|Hours|Minutes)?$/;

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !CLOCK_FIELDS.test(k))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

async function walk(
  key: string,
  operations: RootOperation[],
): Promise<Map<string, { status: number; body: unknown; text: string }>> {
  const answers = new Map<string, { status: number; body: unknown; text: string }>();
  for (const op of operations) {
    const { status, body } = await graphql(server.url, op.query, op.variables, key);
    answers.set(op.field, { status, body, text: JSON.stringify(body) });
  }
  return answers;
}

let operations: RootOperation[];
let before: Map<string, { status: number; body: unknown; text: string }>;

beforeAll(async () => {
  // The walk is many requests from one key: no rate limit here (it has its own spec).
  process.env.RESONANCE_RATE_LIMIT_PER_MINUTE = '0';
  server = await startTestServer();
  await loadAcme(server.db, A);
  const a = await loadShop(server.db, A);
  keys.a = (await createApiKey(server.db, { workspaceId: A, role: 'admin', name: 'A admin' })).secret;
  keys.b = (await createApiKey(server.db, { workspaceId: B, role: 'admin', name: 'B admin' })).secret;
  runIds = { a: a.runId, b: '' };
  operations = rootOperations(await fetchSchema(server.url, keys.a), values(), MAX_DEPTH);
  before = await walk(keys.a, operations);
  await loadAcme(server.db, B);
  const b = await loadShop(server.db, B, { mark: MARK, scale: 7 });
  runIds.b = b.runId;
  // The cache is per workspace and keyed on A's data version, which B's loads leave alone: drop
  // A's entries so the second walk reads ClickHouse again.
  server.app.get(ResultCache).invalidate(A);
});

afterAll(async () => {
  delete process.env.RESONANCE_RATE_LIMIT_PER_MINUTE;
  await server?.close();
});

describe('workspace isolation over every query of the schema', () => {
  it('builds an operation for every root query field', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(operations.map((o) => o.field)).toEqual(
      expect.arrayContaining([
        'overview',
        'workspace',
        'searchCustomers',
        'customer',
        'messages',
        'rejects',
        'ingestRuns',
        'modelRuns',
      ]),
    );
  });

  it("answers every field for A's admin key without an error, with A's data in it", () => {
    const failures = [...before].filter(([, a]) => a.status !== 200 || (a.body as { errors?: unknown }).errors);
    expect(failures.map(([field, a]) => `${field}: ${a.text.slice(0, 300)}`)).toEqual([]);
    // The walk reads real rows: A's customer, message texts and rejects are in the answers.
    expect(before.get('customer')!.text).toContain('Zoë Müller');
    expect(before.get('messages')!.text).toContain('Where is my parcel?');
    expect(before.get('rejects')!.text).toContain('a,fax');
  });

  it("never shows B's marker or changes one of A's figures once B is loaded", async () => {
    const after = await walk(keys.a, operations);
    for (const op of operations) {
      const answer = after.get(op.field)!;
      expect({ field: op.field, leaked: answer.text.toLowerCase().includes(MARK.toLowerCase()) }).toEqual({
        field: op.field,
        leaked: false,
      });
      expect({ field: op.field, body: stable(answer.body) }).toEqual({
        field: op.field,
        body: stable(before.get(op.field)!.body),
      });
    }
  });

  it("asks for B's own rows by id from A's key and gets none", async () => {
    const rejects = await graphql<{ rejects: { nodes: unknown[] } }>(
      server.url,
      'query($id: ID!) { rejects(runId: $id) { nodes { raw } } }',
      { id: runIds.b },
      keys.a,
    );
    expect(rejects.body.data?.rejects.nodes).toEqual([]);
  });

  it("shows B's marker to B's key, so the check above can fail", async () => {
    const answers = await walk(
      keys.b,
      operations.filter((o) => ['searchCustomers', 'customer', 'messages', 'workspace'].includes(o.field)),
    );
    for (const [field, answer] of answers) {
      expect({ field, marked: answer.text.toLowerCase().includes(MARK.toLowerCase()) }).toEqual({
        field,
        marked: true,
      });
    }
  });
});
