import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../src/server';
import { graphql } from './support/test-server';

// One database for the whole file: the second start must find what the first one left.
const env: NodeJS.ProcessEnv = {
  ...(process.env.CLICKHOUSE_URL
    ? process.env
    : { RESONANCE_DATA_DIR: path.join(os.tmpdir(), `resonance-test-${process.pid}`) }),
  CLICKHOUSE_DB: `test_${process.pid}_${randomBytes(4).toString('hex')}`,
};
const WORKSPACE = '{ workspace { id brands { isOwn } dataTo } }';
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('startServer', () => {
  let firstKey = '';

  it('on an empty database with the demo on: loads it and returns a new admin key', async () => {
    running = await startServer({ port: 0, env, demo: true, demoCustomers: 200, quiet: true });
    expect(running.workspaceId).toBe('demo');
    expect(running.apiKey).toMatch(/^rk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(running.url).toMatch(/^http:\/\/localhost:\d+$/);
    firstKey = running.apiKey!;
    const { body } = await graphql<{ workspace: { id: string; brands: { isOwn: boolean }[]; dataTo: string | null } }>(
      running.url,
      WORKSPACE,
      {},
      firstKey,
    );
    expect(body.data?.workspace.id).toBe('demo');
    expect(body.data?.workspace.brands.some((b) => b.isOwn)).toBe(true);
    expect(body.data?.workspace.dataTo).not.toBeNull();
    // The demo's CLV models are fitted at first start, so the Value pages have figures.
    const runs = await running.db.client.query({
      query: "SELECT uniqExact(run_id) AS runs, countIf(segment = '*') AS workspace_fits FROM model_runs WHERE workspace_id = 'demo'",
      format: 'JSONEachRow',
    });
    expect(await runs.json()).toEqual([{ runs: '1', workspace_fits: '2' }]);
  });

  it('on the next start: keeps the data, creates no key, and the first key still works', async () => {
    running = await startServer({ port: 0, env, demo: true, demoCustomers: 200, quiet: true });
    expect(running.apiKey).toBeNull();
    expect(running.workspaceId).toBe('demo');
    const { body } = await graphql<{ workspace: { id: string } }>(running.url, WORKSPACE, {}, firstKey);
    expect(body.data?.workspace.id).toBe('demo');
  });

  it('after a first start interrupted mid-load: clears the partial demo and loads it again', async () => {
    const partial = { ...env, CLICKHOUSE_DB: `${env.CLICKHOUSE_DB}_partial` };
    running = await startServer({ port: 0, env: partial, demo: false, quiet: true });
    // What an interrupted load leaves: rows of the demo workspace but no workspaces row yet.
    await running.db.client.insert({
      table: 'transactions',
      format: 'JSONEachRow',
      values: [{ workspace_id: 'demo', transaction_id: 'left-behind', customer_id: 'x', occurred_at: '2020-01-01 00:00:00.000', kind: 'purchase', amount: 1, currency: 'USD', source: 'demo', ingest_run_id: 'r', version: 1 }],
    });
    await running.close();
    running = await startServer({ port: 0, env: partial, demo: true, demoCustomers: 100, quiet: true });
    expect(running.workspaceId).toBe('demo');
    expect(running.apiKey).not.toBeNull();
    const left = await running.db.client.query({
      query: "SELECT count() AS n FROM transactions WHERE workspace_id = 'demo' AND transaction_id = 'left-behind'",
      format: 'JSONEachRow',
    });
    expect(await left.json()).toEqual([{ n: '0' }]);
  });

  it('with the demo off on an empty database: serves nothing and creates no key', async () => {
    running = await startServer({
      port: 0,
      env: { ...env, CLICKHOUSE_DB: `${env.CLICKHOUSE_DB}_empty` },
      demo: false,
      quiet: true,
    });
    expect(running).toMatchObject({ workspaceId: '', apiKey: null });
  });

  it('refuses a bad configuration with every problem listed', async () => {
    await expect(
      startServer({ env: { ...env, PORT: 'eighty', RESONANCE_DEMO: 'sometimes' }, quiet: true }),
    ).rejects.toThrow(/PORT[\s\S]*RESONANCE_DEMO/);
  });
});
