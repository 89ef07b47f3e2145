import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningServer } from '../src/server';
import { startTestServer } from './support/test-server';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-web-dist-'));
const INDEX = '<!doctype html><title>Resonance</title><div id="root"></div>';
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ RESONANCE_WEB_DIST: dist });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the dashboard next to the api', () => {
  it('without a build, / explains how to build it', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('npm run build -w web');
  });

  it('serves the built files, and index.html for every other GET (client-side routes)', async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await root.text()).toBe(INDEX);
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log(1)');
    const route = await fetch(`${server.url}/response/queue?from=2025-01-01`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX);
  });

  it('leaves /graphql to the api', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
