import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

/**
 * How the api serves the dashboard's built files (web/dist), with `app.useStaticAssets`:
 *
 * - Files under assets/ are named by their content (Vite's hashes), so a browser keeps them a year
 *   without asking again; anything else (index.html comes from dashboardFallback) is revalidated.
 * - The web build writes a Brotli and a gzip copy beside each script and style sheet
 *   (web/vite.config.ts); a browser that accepts one gets it, so nothing is compressed per request
 *   and a first visit downloads about a third of the bytes.
 */
const ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Content encodings of the precompressed copies, best first, with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Whether an Accept-Encoding header accepts `encoding` (a q=0 entry refuses it). */
export function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== encoding && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Before the static files: points a request for an asset at its precompressed copy when the
 * browser accepts that encoding and the copy exists.
 */
export function precompressedAssets(distDir: string) {
  const root = path.resolve(distDir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(ASSETS) || !(path.extname(url.pathname) in TYPES)) return next();
    const file = path.join(root, url.pathname);
    if (!file.startsWith(root + path.sep)) return next();
    // Caches must keep the encodings apart whichever one this answer has.
    res.setHeader('vary', 'accept-encoding');
    const encoding = ENCODINGS.find(
      (e) => acceptsEncoding(req.headers['accept-encoding'], e.name) && fs.existsSync(file + e.suffix),
    );
    if (encoding) req.url = `${url.pathname}${encoding.suffix}${url.search}`;
    next();
  };
}

/** serve-static's setHeaders: caching, and the encoding and type of a precompressed copy. */
export function assetHeaders(distDir: string) {
  const assets = path.join(path.resolve(distDir), ASSETS);
  return (res: ServerResponse, file: string): void => {
    res.setHeader('cache-control', file.startsWith(assets) ? IMMUTABLE : 'no-cache');
    const encoding = ENCODINGS.find((e) => file.endsWith(e.suffix));
    if (!encoding) return;
    const type = TYPES[path.extname(file.slice(0, -encoding.suffix.length))];
    res.setHeader('content-encoding', encoding.name);
    if (type) res.setHeader('content-type', type);
  };
}
