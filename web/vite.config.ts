import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { workspaceOperation } from './src/workspace/early';

const EARLY_WORKSPACE = '%RESONANCE_EARLY_WORKSPACE%';
const OVERVIEW_CHUNKS = '%RESONANCE_OVERVIEW_CHUNKS%';
const OVERVIEW_PAGE = 'src/overview/components/OverviewPage.tsx';

/** JSON for inside a <script>: no "</script>" can come out of it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function fillIn(html: string, placeholder: string, value: unknown): string {
  if (!html.includes(placeholder)) throw new Error(`index.html has no ${placeholder} to fill in`);
  const json = scriptJson(value);
  return html.replace(placeholder, () => json);
}

/** The Overview page's chunk and the chunks it imports, less those the entry imports (already preloaded). */
function overviewChunks(bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk): string[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk')
      .map((c) => [c.fileName, c]),
  );
  const page = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(OVERVIEW_PAGE));
  if (!page) throw new Error(`no chunk for ${OVERVIEW_PAGE}`);
  const withImports = (start: Rolldown.OutputChunk): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      chunks.get(file)?.imports.forEach(visit);
    };
    visit(start.fileName);
    return seen;
  };
  const loaded = withImports(entry);
  return [...withImports(page)].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
}

/**
 * Fills in index.html's early start (src/apollo/early.ts): the Workspace operation, printed from
 * the app's own query document so the two cannot drift apart, and the Overview's chunks, which
 * index.html fetches at once when opened at "/" instead of when the entry has run
 * (app/pages.tsx preloadPage): on a busy machine that came 0.3-0.9 s after navigation.
 */
function earlyStart(): Plugin {
  return {
    name: 'resonance-early-start',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle, chunk }) =>
        fillIn(
          fillIn(html, EARLY_WORKSPACE, workspaceOperation()),
          OVERVIEW_CHUNKS,
          // In development (no bundle) Vite serves modules one by one: nothing to list.
          bundle && chunk ? overviewChunks(bundle, chunk) : [],
        ),
    },
  };
}

/**
 * A Brotli (.br) and a gzip (.gz) copy beside each script and style sheet: the api sends the one the
 * browser accepts (api/src/dashboard/dashboard-assets.ts) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'resonance-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const file of Object.keys(bundle).filter((f) => /\.(js|css)$/.test(f))) {
        const source = fs.readFileSync(path.join(dir, file));
        // Quality 9, not 11: 8 % larger, 7 times faster (1 s against 7 s for all chunks on a busy machine).
        const brotli = brotliCompressSync(source, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
        });
        fs.writeFileSync(path.join(dir, `${file}.br`), brotli);
        fs.writeFileSync(path.join(dir, `${file}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}

/**
 * React Router's package exports only its development build to bundlers (ENABLE_DEV_WARNINGS on:
 * extra checks and console warnings in every render); a production build points at the production
 * files it ships beside it, which differ only in that flag. The development server keeps them.
 */
function reactRouterProduction(): { find: RegExp; replacement: string }[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist', 'production');
  return [
    { find: /^react-router$/, replacement: path.join(dir, 'index.mjs') },
    { find: /^react-router\/dom$/, replacement: path.join(dir, 'dom-export.mjs') },
  ];
}

// The api serves web/dist at / and the GraphQL endpoint at /graphql on one port; in development
// Vite serves the app and forwards /graphql to a running api (`npm start`).
export default defineConfig(({ command }) => ({
  plugins: [react(), earlyStart(), precompress()],
  resolve: { alias: command === 'build' ? reactRouterProduction() : [] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each page loads: bench/src/web reads it to measure initial JavaScript per page.
    manifest: true,
    // ECharts (about 600 kB, 200 kB gzipped, with only the parts registered in charts/echarts.ts)
    // is one chunk loaded only by pages with charts, after their figures show.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        // React, Apollo and ECharts change less often than the app: separate, long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:3000' },
  },
}));
