import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { RunningServer } from '../src/server';
import { startTestServer } from './support/test-server';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-web-dist-'));
const INDEX = '<!doctype html><title>Resonance</title><div id="root"></div>';
let server: RunningServer;

/** A GET with exactly these request headers (fetch would add and decode an Accept-Encoding of its own). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

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

  it('sends the precompressed copy a browser accepts, and keeps hashed assets a year', async () => {
    const script = 'export const answer = 42;\n'.repeat(50);
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dist, 'assets', 'page-abcd.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'page-abcd.js.br'), brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, 'assets', 'page-abcd.js.gz'), gzipSync(script));
    const url = `${server.url}/assets/page-abcd.js`;

    const brotli = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.body).toEqual(brotliCompressSync(script));

    const gzip = await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toEqual(fs.readFileSync(path.join(dist, 'assets', 'page-abcd.js.gz')));

    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    // Without a copy the file goes as it is; the shell is never cached.
    fs.rmSync(path.join(dist, 'assets', 'page-abcd.js.br'));
    fs.rmSync(path.join(dist, 'assets', 'page-abcd.js.gz'));
    expect((await rawGet(url, { 'accept-encoding': 'br' })).body.toString()).toBe(script);
    expect((await rawGet(`${server.url}/`, {})).headers['cache-control']).toBe('no-cache');
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
