import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiKey } from '@resonance/sql';
import type { RunningServer } from '../src/server';
import { graphql, startTestServer } from './support/test-server';

// While the server holds the embedded data directory, `resonance ingest` loads through its ingest
// endpoint. The CLI runs from dist: build it first.
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'pipelines', 'bin', 'resonance.js');
const FIXTURES = path.join(ROOT, 'pipelines', 'test', 'fixtures', 'generic');
let server: RunningServer;
const keys = { analyst: '', viewer: '', other: '' };

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-b', 'pipelines'], { cwd: ROOT, stdio: 'ignore' });
  server = await startTestServer();
  keys.analyst = (await createApiKey(server.db, { workspaceId: 'w-srv', role: 'analyst', name: 'loader' })).secret;
  keys.viewer = (await createApiKey(server.db, { workspaceId: 'w-srv', role: 'viewer', name: 'viewer' })).secret;
  keys.other = (await createApiKey(server.db, { workspaceId: 'w-other', role: 'admin', name: 'other' })).secret;
}, 300_000);

afterAll(async () => {
  await server?.close();
});

interface Runs {
  ingestRuns: {
    nodes: {
      id: string;
      source: string;
      status: string;
      rowsRead: number;
      rowsLoaded: number;
      rowsRejected: number;
      files: string[];
    }[];
  };
}

const RUNS = 'query { ingestRuns(first: 10) { nodes { id source status rowsRead rowsLoaded rowsRejected files } } }';

function post(source: string, file: string, key: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/ingest/${source}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/octet-stream',
      'x-resonance-file': path.basename(file),
      ...headers,
    },
    body: fs.readFileSync(file),
  });
}

/** Runs the CLI without blocking: the server it talks to lives in this process. */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const dataDir = (server.db.config as { dataDir?: string }).dataDir;
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CLICKHOUSE_URL: '', RESONANCE_SERVER_URL: '', RESONANCE_DATA_DIR: dataDir, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('POST /api/ingest/<source>', () => {
  it('loads the body into the key’s workspace and the run is visible in GraphQL at once', async () => {
    const response = await post('interactions', path.join(FIXTURES, 'interactions-bad.csv'), keys.analyst);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      runId: string;
      read: number;
      loaded: number;
      rejected: number;
      status: string;
    };
    // The server's field limit is 1 MiB, so the fixture's 300-character field loads here.
    expect(summary).toMatchObject({ status: 'succeeded', read: 11, loaded: 2, rejected: 9 });
    const runs = await graphql<Runs>(server.url, RUNS, {}, keys.viewer);
    expect(runs.body.data!.ingestRuns.nodes.find((r) => r.id === summary.runId)).toMatchObject({
      source: 'interactions',
      status: 'succeeded',
      rowsRead: 11,
      rowsLoaded: 2,
      rowsRejected: 9,
      files: ['interactions-bad.csv'],
    });
  });

  it('refuses viewers, unknown sources, bad mappings and another workspace', async () => {
    const file = path.join(FIXTURES, 'transactions.csv');
    expect((await post('transactions', file, keys.viewer)).status).toBe(403);
    expect((await post('transactions', file, 'not-a-key')).status).toBe(401);
    const unknown = await post('fax', file, keys.analyst);
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { errors: { extensions: { reason: string } }[] }).errors[0]!.extensions.reason,
    ).toBe('UNKNOWN_SOURCE');
    const mapping = await post('transactions', file, keys.analyst, {
      'x-resonance-mapping': encodeURIComponent('{"colums":{}}'),
    });
    expect(mapping.status).toBe(400);
    const other = await post('transactions', file, keys.analyst, { 'x-resonance-workspace': 'w-other' });
    expect(other.status).toBe(400);
    expect(((await other.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /belongs to workspace "w-srv"/,
    );
  });
});

describe('resonance ingest while the server holds the data directory', () => {
  it('goes through the server with a key, and the figures are in GraphQL right after', async () => {
    const port = new URL(server.url).port;
    const result = await cli(
      ['ingest', 'transactions', path.join(FIXTURES, 'transactions.csv'), '--workspace', 'w-srv', '--json'],
      {
        RESONANCE_API_KEY: keys.analyst,
        PORT: port,
      },
    );
    expect(result.stderr).not.toMatch(/resonance ingest/);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { runId: string; read: number; loaded: number; rejected: number };
    expect(summary).toMatchObject({ read: 7, loaded: 3, rejected: 4 });
    const runs = await graphql<Runs>(server.url, RUNS, {}, keys.analyst);
    expect(runs.body.data!.ingestRuns.nodes.find((r) => r.id === summary.runId)).toMatchObject({
      source: 'transactions',
      rowsLoaded: 3,
      rowsRejected: 4,
    });
  });

  it('says clearly what to do without a key', async () => {
    const result = await cli(
      ['ingest', 'transactions', path.join(FIXTURES, 'transactions.csv'), '--workspace', 'w-srv'],
      { RESONANCE_API_KEY: '' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/in use by a running Resonance server.*set RESONANCE_API_KEY/s);
  });
});
