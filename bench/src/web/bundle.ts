import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of Vite's build manifest (web/dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

export interface PageWeight {
  page: string;
  /** JavaScript fetched before the page can show its figures: the entry, the page chunk and their static imports. */
  initialFiles: number;
  initialGzipBytes: number;
  /** Plus everything the page loads lazily afterwards (charts, word cloud, the value cards). */
  totalGzipBytes: number;
}

/** The page modules of web/src/app/pages.tsx, by name. */
export const PAGE_MODULES: Record<string, string> = {
  overview: 'src/overview/components/OverviewPage.tsx',
  sentiment: 'src/sentiment/components/SentimentPage.tsx',
  response: 'src/response/components/ResponsePage.tsx',
  value: 'src/value/components/ValuePage.tsx',
  customers: 'src/customers/components/CustomersPage.tsx',
  data: 'src/data/components/DataPage.tsx',
};

export function readManifest(dist: string): Manifest {
  const file = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build the dashboard first (npm run build -w web)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

function closure(manifest: Manifest, roots: readonly string[], followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
    // The entry's lazy imports are the other pages: not this page's.
    if (followDynamic && !chunk.isEntry) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * Gzipped JavaScript per page, as a first visit to that page's URL downloads it: the entry
 * (index.html's module) and its static imports, then the page's lazy chunk and its static imports.
 */
export function pageWeights(dist: string): PageWeight[] {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const gzipCache = new Map<string, number>();
  const gzipped = (key: string): number => {
    const file = manifest[key]?.file;
    if (!file || !file.endsWith('.js')) return 0;
    let size = gzipCache.get(file);
    if (size === undefined) {
      size = gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
      gzipCache.set(file, size);
    }
    return size;
  };
  const sum = (keys: Set<string>) => [...keys].reduce((n, key) => n + gzipped(key), 0);

  return Object.entries(PAGE_MODULES).map(([page, module]) => {
    if (!manifest[module]) throw new Error(`the manifest has no chunk for ${module}`);
    const initial = closure(manifest, [entry, module], false);
    const total = closure(manifest, [module], true);
    for (const key of initial) total.add(key);
    return {
      page,
      initialFiles: [...initial].filter((k) => manifest[k]?.file.endsWith('.js')).length,
      initialGzipBytes: sum(initial),
      totalGzipBytes: sum(total),
    };
  });
}
