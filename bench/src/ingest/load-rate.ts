import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadClickHouseConfig, migrate, openDatabase, type Database } from '@resonance/sql';
import { closeSentimentPool, defaultScorer, findSource, loadFiles, type RunSummary } from '@resonance/pipelines';
import { generateInteractionsCsv } from './generate';

// Load-rate benchmark: generates interactions CSVs, loads them with `resonance ingest`'s code
// path into a fresh embedded ClickHouse, and prints rows/s and peak RSS. Runs, in one process:
//  - fast:     pre-scored rows through the fast path (ClickHouse types and validates staged CSV);
//  - js:       the same file through the JavaScript path (RESONANCE_INGEST_FAST=0);
//  - baseline: ClickHouse alone inserting the same rows from a TabSeparated file;
//  - scored:   rows without a score (scored by the worker pool during the load).
// Each load is split into its reading and inserting part and the passes of finish() (author
// resolution, reply linking), with the process's CPU seconds (the embedded engine included).
//
//   npx tsc -b && node --max-semi-space-size=64 bench/dist/ingest/load-rate.js [--rows 1000000] [--scored-rows 200000] [--batch-rows N] [--skip-js] [--keep]
//
// Bounded memory on a multi-GB file: big-file.ts.

interface Options {
  rows: number;
  scoredRows: number;
  skipJs: boolean;
  /** Rows per insert (the load's default when absent). */
  batchRows?: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rows: 1_000_000, scoredRows: 200_000, skipJs: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--skip-js') options.skipJs = true;
    else if (arg === '--rows' || arg === '--scored-rows' || arg === '--batch-rows') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number, got ${argv[i]}`);
      if (arg === '--rows') options.rows = value;
      else if (arg === '--batch-rows') options.batchRows = value;
      else options.scoredRows = value;
    } else
      throw new Error(
        'usage: node bench/dist/ingest/load-rate.js [--rows N] [--scored-rows N] [--batch-rows N] [--skip-js] [--keep]',
      );
  }
  return options;
}

/** Peak resident set size while `fn` runs, sampled every 50 ms (maxRSS covers the whole process). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await fn();
    return { result, peakRss: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The baseline of the same run: ClickHouse alone inserting the rows just loaded, from a
 * TabSeparated file it parses itself (what a load costs without any JavaScript). The rows are
 * the same keys again, so the table's figures do not change.
 */
async function clickhouseOnly(
  db: Database,
  workspaceId: string,
  dir: string,
): Promise<{ rows: number; seconds: number }> {
  const file = path.join(dir, 'baseline.tsv');
  const result = await db.client.query({
    query: 'SELECT * FROM interactions WHERE workspace_id = {w:String}',
    query_params: { w: workspaceId },
    format: 'TabSeparated',
  });
  const text = await result.text();
  await fs.promises.writeFile(file, text);
  const columns = await (
    await db.client.query({
      query:
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'interactions' ORDER BY position",
      format: 'JSONEachRow',
    })
  ).json<{ name: string; type: string }>();
  const rows = text.split('\n').length - 1;
  const started = process.hrtime.bigint();
  await db.client.command({
    query: "INSERT INTO interactions SELECT * FROM file({file:String}, 'TabSeparated', {structure:String})",
    query_params: { file, structure: columns.map((c) => `${c.name} ${c.type}`).join(', ') },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(file, { force: true });
  return { rows, seconds };
}

interface LoadResult {
  rows: number;
  fileMiB: number;
  seconds: number;
  rowsPerSecond: number;
  /** Reading, validating and inserting the rows, up to finish(). */
  loadSeconds: number;
  loadRowsPerSecond: number;
  /** finish(): flush, author resolution, reply linking, run record. */
  passesSeconds: number;
  fastRows: number;
  unscored: number;
  peakRssMiB: number;
  /** CPU of the whole process (the embedded engine's threads too), load and passes. */
  cpuSeconds: { load: number; passes: number };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1e4) / 100;
}

/** One load of `file` through loadFiles, timed up to finish() and through it. */
async function timedLoad(
  db: Database,
  file: string,
  bytes: number,
  rows: number,
  workspaceId: string,
  scored: boolean,
  batchRows: number | undefined,
): Promise<LoadResult> {
  const source = findSource('interactions')!;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let loadEnd = started;
  let loadCpu = 0;
  const { result, peakRss } = await withPeakRss<RunSummary>(() =>
    loadFiles(db, source, [file], {
      workspaceId,
      ...(scored ? { scorer: defaultScorer() } : {}),
      ...(batchRows ? { batchRows } : {}),
      onStart: (run) => {
        // The moment the rows are read and finish() starts its passes.
        const finish = run.finish.bind(run);
        run.finish = (message?: string) => {
          loadEnd = process.hrtime.bigint();
          loadCpu = cpuSeconds(cpu);
          return finish(message);
        };
      },
    }),
  );
  const totalCpu = cpuSeconds(cpu);
  if (result.status !== 'succeeded' || result.loaded !== rows)
    throw new Error(`${workspaceId} load did not load every row: ${JSON.stringify(result)}`);
  const loadSeconds = Number(loadEnd - started) / 1e9;
  return {
    rows,
    fileMiB: Math.round(bytes / 2 ** 20),
    seconds: result.seconds,
    rowsPerSecond: Math.round(rows / result.seconds),
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    loadRowsPerSecond: Math.round(rows / loadSeconds),
    passesSeconds: Math.round((result.seconds - loadSeconds) * 100) / 100,
    fastRows: result.fastRows ?? 0,
    unscored: result.unscored,
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    cpuSeconds: { load: loadCpu, passes: Math.round((totalCpu - loadCpu) * 100) / 100 },
  };
}

function printLoad(name: string, r: LoadResult): void {
  const n = (x: number) => x.toLocaleString('en-US');
  process.stdout.write(
    `${name.padEnd(9)} ${n(r.rows).padStart(11)} rows  ${String(r.fileMiB).padStart(5)} MiB  ` +
      `${r.seconds.toFixed(1).padStart(6)} s  ${n(r.rowsPerSecond).padStart(9)} rows/s  ` +
      `(rows in: ${r.loadSeconds.toFixed(1)} s = ${n(r.loadRowsPerSecond)} rows/s, CPU ${r.cpuSeconds.load} s; ` +
      `passes: ${r.passesSeconds.toFixed(1)} s, CPU ${r.cpuSeconds.passes} s)  ` +
      `fast path ${n(r.fastRows)} rows  peak RSS ${r.peakRssMiB} MiB\n`,
  );
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-bench-ingest-'));
  const db = await openDatabase(
    loadClickHouseConfig({ RESONANCE_DATA_DIR: path.join(dir, 'data'), CLICKHOUSE_DB: 'bench' }),
  );
  const results: Record<string, unknown> = { cpus: os.cpus().length, loadAverage: os.loadavg() };
  const fastSetting = process.env.RESONANCE_INGEST_FAST;
  try {
    await migrate(db);
    if (options.rows > 0) {
      const file = path.join(dir, 'prescored.csv');
      const bytes = await generateInteractionsCsv(file, options.rows, { unscored: false });
      delete process.env.RESONANCE_INGEST_FAST;
      const fast = await timedLoad(db, file, bytes, options.rows, 'bench-prescored', false, options.batchRows);
      results.prescored = fast;
      printLoad('fast', fast);
      let js: LoadResult | undefined;
      if (!options.skipJs) {
        process.env.RESONANCE_INGEST_FAST = '0';
        js = await timedLoad(db, file, bytes, options.rows, 'bench-js', false, options.batchRows);
        delete process.env.RESONANCE_INGEST_FAST;
        results.javascript = js;
        printLoad('js', js);
      }
      fs.rmSync(file, { force: true });
      const baseline = await clickhouseOnly(db, 'bench-prescored', dir);
      const baseRate = Math.round(baseline.rows / baseline.seconds);
      results.clickhouseOnly = {
        rows: baseline.rows,
        seconds: baseline.seconds,
        rowsPerSecond: baseRate,
        loadToBaselineRatio: ratio(fast.rowsPerSecond, baseRate),
        rowsInToBaselineRatio: ratio(fast.loadRowsPerSecond, baseRate),
      };
      process.stdout.write(
        `baseline  ${baseline.rows.toLocaleString('en-US').padStart(11)} rows  ClickHouse alone parsing and inserting them: ` +
          `${baseRate.toLocaleString('en-US')} rows/s\n`,
      );
      results.ratios = {
        fastToBaseline: ratio(fast.rowsPerSecond, baseRate),
        fastRowsInToBaseline: ratio(fast.loadRowsPerSecond, baseRate),
        ...(js
          ? {
              jsToBaseline: ratio(js.rowsPerSecond, baseRate),
              fastToJs: ratio(fast.rowsPerSecond, js.rowsPerSecond),
              fastRowsInToJsRowsIn: ratio(fast.loadRowsPerSecond, js.loadRowsPerSecond),
            }
          : {}),
      };
      process.stdout.write(
        `ratios    fast = ${ratio(fast.rowsPerSecond, baseRate)} × baseline (rows in: ${ratio(fast.loadRowsPerSecond, baseRate)} ×)` +
          (js
            ? `; js = ${ratio(js.rowsPerSecond, baseRate)} × baseline; fast = ${ratio(fast.rowsPerSecond, js.rowsPerSecond)} × js ` +
              `(rows in: ${ratio(fast.loadRowsPerSecond, js.loadRowsPerSecond)} ×)`
            : '') +
          '\n',
      );
    }
    if (options.scoredRows > 0) {
      const file = path.join(dir, 'scored.csv');
      const bytes = await generateInteractionsCsv(file, options.scoredRows, { unscored: true });
      const scored = await timedLoad(db, file, bytes, options.scoredRows, 'bench-scored', true, options.batchRows);
      results.scored = scored;
      printLoad('scored', scored);
      fs.rmSync(file, { force: true });
    }
    results.target = { prescoredRowsPerSecond: 200_000 };
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    if (fastSetting === undefined) delete process.env.RESONANCE_INGEST_FAST;
    else process.env.RESONANCE_INGEST_FAST = fastSetting;
    await closeSentimentPool();
    await db.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
