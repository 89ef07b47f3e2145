import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

export const MISSING_BUILD_MESSAGE = (distDir: string): string =>
  [
    'Resonance is running, but the dashboard has not been built.',
    '',
    `Build it with:  npm run build -w web   (expected in ${distDir})`,
    'or start with:  npm start              (builds what is missing)',
    '',
    'The GraphQL API is at /graphql.',
    '',
  ].join('\n');

/**
 * The dashboard's single-page fallback, after the static files: any other GET that is not the
 * GraphQL endpoint gets index.html, so client-side routes survive a reload. Checked per request,
 * so building the dashboard while the server runs needs no restart.
 */
export function dashboardFallback(distDir: string, graphqlPath: string) {
  const index = path.join(distDir, 'index.html');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    // /api/… are the api's own HTTP routes (the CSV export), registered after this middleware.
    if (pathname === graphqlPath || pathname.startsWith(`${graphqlPath}/`) || pathname.startsWith('/api/'))
      return next();
    fs.readFile(index, (error, html) => {
      if (error) {
        const body = MISSING_BUILD_MESSAGE(distDir);
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      // The shell must never be cached: it names the current hashed asset files.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-length': html.length,
      });
      res.end(req.method === 'HEAD' ? undefined : html);
    });
  };
}
