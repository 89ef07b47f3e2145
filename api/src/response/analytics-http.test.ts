import { createApiKey } from '@resonance/sql';
import { AMPLIFICATION_BENCH_QUERIES } from '../amplification/amplification.bench-queries';
import { GAP_QUEUE_BENCH_QUERIES } from '../gap-queue/gap-queue.bench-queries';
import type { RunningServer } from '../server';
import { SENTIMENT_BENCH_QUERIES } from '../sentiment/sentiment.bench-queries';
import { SHARE_OF_VOICE_BENCH_QUERIES } from '../share-of-voice/share-of-voice.bench-queries';
import { TERMS_BENCH_QUERIES } from '../terms/terms.bench-queries';
import { graphql, startTestServer } from '../../test/support/test-server';
import { loadWorkspace } from './__tests__/analytics-fixture';
import { RESPONSE_BENCH_QUERIES, withBenchPeriod } from './response.bench-queries';

// The six analytics queries through GraphQL over HTTP: the schema, the guard, roles, bounds, and
// every benchmark operation. Figures are checked by hand in each feature's own test.
const FROM = '2025-03-01T00:00:00Z';
const TO = '2025-04-01T00:00:00Z';
const ALL = withBenchPeriod(
  [
    ...RESPONSE_BENCH_QUERIES,
    ...GAP_QUEUE_BENCH_QUERIES,
    ...SENTIMENT_BENCH_QUERIES,
    ...AMPLIFICATION_BENCH_QUERIES,
    ...SHARE_OF_VOICE_BENCH_QUERIES,
    ...TERMS_BENCH_QUERIES,
  ],
  FROM,
  TO,
);

let server: RunningServer;
let analyst: string;
let viewer: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const id of ['web', 'other']) {
    await loadWorkspace(server.db, {
      id,
      customers: [{ id: `${id}-c1`, name: `${id} customer`, segment: 'vip' }],
      messages: [
        {
          id: 'm1',
          at: '2025-03-02T10:00:00Z',
          sentiment: -0.5,
          channel: 'twitter',
          followers: 10,
          customer: `${id}-c1`,
          text: `${id} outage again`,
        },
        {
          id: 'm2',
          at: '2025-03-03T10:00:00Z',
          sentiment: 0.5,
          channel: 'email',
          customer: `${id}-c1`,
          text: 'great support',
        },
      ],
      replies: [{ id: 'r2', parent: 'm2', at: '2025-03-03T11:00:00Z', channel: 'email' }],
      engagement: [{ id: 'm1', shares: 3, quotes: 1, impressions: 500 }],
    });
  }
  analyst = (await createApiKey(server.db, { workspaceId: 'web', role: 'analyst', name: 'analyst' })).secret;
  viewer = (await createApiKey(server.db, { workspaceId: 'web', role: 'viewer', name: 'viewer' })).secret;
});

afterAll(async () => {
  await server?.close();
});

describe('analytics queries over HTTP', () => {
  it.each(ALL.map((q) => [q.name, q] as const))('runs the benchmark operation "%s"', async (_name, q) => {
    const { status, body } = await graphql<Record<string, unknown>>(server.url, q.query, q.variables, analyst);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data)).not.toContain('other');
  });

  it('answers with the figures of the caller’s workspace', async () => {
    const { body } = await graphql<{
      response: { total: { inbound: number; replied: number; frtP50Seconds: number } };
    }>(server.url, RESPONSE_BENCH_QUERIES[0]!.query, { filter: { from: FROM, to: TO } }, viewer);
    expect(body.data?.response.total).toMatchObject({ inbound: 2, replied: 1, frtP50Seconds: 3600 });
  });

  it('computes the figures a request selects, through fragments and aliases, as a full request gives them', async () => {
    type Rows = { response: { rows: Record<string, unknown>[] } };
    const variables = { filter: { from: FROM, to: TO }, groupBy: 'CHANNEL' };
    const full = (await graphql<Rows>(server.url, RESPONSE_BENCH_QUERIES[0]!.query, variables, analyst)).body.data!;
    const light = await graphql<Rows>(
      server.url,
      `
        query Light($filter: Filter!, $groupBy: GroupBy) {
          response(filter: $filter, groupBy: $groupBy) {
            rows {
              ...Median
            }
          }
        }
        fragment Median on ResponseFigures {
          key
          median: frtP50Seconds
          ... on ResponseFigures {
            inbound
          }
        }
      `,
      variables,
      analyst,
    );
    expect(light.body.errors).toBeUndefined();
    expect(full.response.rows.length).toBeGreaterThan(0);
    expect(light.body.data!.response.rows).toEqual(
      full.response.rows.map((r) => ({ key: r['key'], median: r['frtP50Seconds'], inbound: r['inbound'] })),
    );
    expect(light.body.data!.response.rows.some((r) => r['median'] !== null)).toBe(true);
  });

  it('shows texts and customer details to analysts only', async () => {
    const query = GAP_QUEUE_BENCH_QUERIES[0]!.query;
    const variables = { filter: { from: FROM, to: TO }, first: 5 };
    type Result = {
      gapQueue: {
        totalCount: number;
        nodes: { text: string | null; customerName: string | null; customerSegment: string | null }[];
      };
    };
    const seen = (await graphql<Result>(server.url, query, variables, analyst)).body.data!.gapQueue;
    expect(seen.totalCount).toBe(1);
    expect(seen.nodes).toEqual([
      expect.objectContaining({ text: 'web outage again', customerName: 'web customer', customerSegment: 'vip' }),
    ]);
    const hidden = (await graphql<Result>(server.url, query, variables, viewer)).body.data!.gapQueue;
    expect(hidden.nodes).toEqual([expect.objectContaining({ text: null, customerName: null, customerSegment: 'vip' })]);
  });

  it.each([
    ['a page of 101', GAP_QUEUE_BENCH_QUERIES[0]!.query, { first: 101 }, 'BAD_USER_INPUT'],
    [
      'a forged cursor',
      GAP_QUEUE_BENCH_QUERIES[0]!.query,
      { after: "'; DROP TABLE interactions; --" },
      'BAD_USER_INPUT',
    ],
    ['201 terms', TERMS_BENCH_QUERIES[0]!.query, { limit: 201 }, 'BAD_USER_INPUT'],
    ['0 top posts', AMPLIFICATION_BENCH_QUERIES[0]!.query, { top: 0 }, 'BAD_USER_INPUT'],
    ['a reversed period', SHARE_OF_VOICE_BENCH_QUERIES[0]!.query, { filter: { from: TO, to: FROM } }, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear error', async (_name, query, change, code) => {
    const { body } = await graphql(server.url, query, { filter: { from: FROM, to: TO }, ...change }, analyst);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).not.toMatch(/SELECT|DB::Exception/);
  });

  it('refuses a grouping outside the enum before anything runs', async () => {
    const { body } = await graphql(
      server.url,
      RESPONSE_BENCH_QUERIES[0]!.query,
      { filter: { from: FROM, to: TO }, groupBy: 'key) OR (1' },
      analyst,
    );
    // The code is the skeleton's formatError's to choose (variable coercion errors arrive without a
    // client code today); what matters here is that nothing ran and nothing leaked.
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).not.toMatch(/SELECT|DB::Exception/);
  });

  it('refuses a call without a key', async () => {
    const { body } = await graphql(server.url, SENTIMENT_BENCH_QUERIES[0]!.query, { filter: { from: FROM, to: TO } });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
