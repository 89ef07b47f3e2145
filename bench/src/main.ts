import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '@resonance/api';
import { ResultCache } from '@resonance/api/dist/cache/result-cache';
import { DEFAULT_DEMO_SEED, fitWorkspace, loadDemoWorkspace } from '@resonance/pipelines';
import { createApiKey, loadClickHouseConfig, migrate, openDatabase, type Database } from '@resonance/sql';
import { captured, lastJsonLine, runChild } from './children';
import {
  measureBaselines,
  measureOperations,
  measurePages,
  type OperationLatency,
  type PageLatency,
} from './graphql/latency';
import { operationNames, type Period } from './graphql/operations';
import { BENCH_NOW, BENCH_WORKSPACE, benchPeriods } from './period';
import { isPresetName, PRESET_NAMES, PRESETS, type Preset } from './presets';
import { heading, table, thousands, writeResults } from './report';
import { round, withPeakRss, type Latency } from './stats';

// `npm run bench -- [--preset small|medium|large] [--data DIR] [--skip-standalone]`: generates the
// demo workspace at the preset's size (seeded, fixed `now`), loads it through the real pipeline,
// fits CLV, then times every dashboard operation through HTTP against the running api, and calls
// the ingest, sentiment and CLV benches. Prints tables and writes bench/results/<preset>-<time>.json.
// --data DIR keeps the generated database in DIR and reuses it on the next run (skips the load).

const WORKSPACE = BENCH_WORKSPACE;
/** Fixed so that two runs of a preset hold the same rows. */
const NOW = BENCH_NOW;
const DAY = 86_400_000;
const TARGETS = { queryP95Ms: 250, pageMs: 1000, loadRowsPerSecond: 200_000, clvFitSeconds: 10, sentimentRatio: 10 };

interface Options {
  preset: Preset;
  dataDir: string | null;
  standalone: boolean;
  /** Operation names to time (--only a,b): those and the pages holding one of them; null: all. */
  only: string[] | null;
}

function parseOptions(argv: string[]): Options {
  const usage = `usage: npm run bench -- [--preset ${PRESET_NAMES.join('|')}] [--data DIR] [--skip-standalone] [--only OPERATION,…]`;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        preset: { type: 'string', default: 'small' },
        data: { type: 'string' },
        'skip-standalone': { type: 'boolean', default: false },
        only: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!isPresetName(values.preset)) throw new Error(`unknown preset "${values.preset}"\n${usage}`);
  const only = values.only ? operationNames(values.only) : null;
  return {
    preset: PRESETS[values.preset],
    dataDir: values.data ?? null,
    standalone: !values['skip-standalone'],
    only,
  };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function scalar<T>(db: Database, query: string, params: Record<string, unknown> = {}): Promise<T> {
  const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
  const rows = await result.json<T>();
  if (rows.length === 0) throw new Error(`no row from ${query}`);
  return rows[0]!;
}

async function machine(db: Database) {
  const cpus = os.cpus();
  const { version } = await scalar<{ version: string }>(db, 'SELECT version() AS version');
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverage1m: round(os.loadavg()[0]!, 2),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    clickhouse: version,
  };
}

async function loadDemo(db: Database, preset: Preset) {
  const cpu = process.cpuUsage();
  const { result, peakRssMiB } = await withPeakRss(() =>
    loadDemoWorkspace(db, { workspaceId: WORKSPACE, customers: preset.customers, seed: DEFAULT_DEMO_SEED, now: NOW }),
  );
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rows = result.interactions + result.transactions + result.customers;
  return {
    customers: result.customers,
    interactions: result.interactions,
    transactions: result.transactions,
    seconds: result.seconds,
    interactionsPerSecond: Math.round(result.interactions / result.seconds),
    rowsPerSecond: Math.round(rows / result.seconds),
    // Generation, scoring (memoised per template), the pipeline and the embedded ClickHouse share this process.
    cpuSeconds: round(cpuSeconds, 1),
    interactionsPerCpuSecond: Math.round(result.interactions / cpuSeconds),
    peakRssMiB,
  };
}

async function storage(db: Database) {
  const row = await scalar<{ rows: string; parts: string; bytes: string; uncompressed: string }>(
    db,
    `SELECT sum(rows) AS rows, count() AS parts, sum(bytes_on_disk) AS bytes, sum(data_uncompressed_bytes) AS uncompressed
     FROM system.parts WHERE database = currentDatabase() AND table = 'interactions' AND active`,
  );
  const { rows: live } = await scalar<{ rows: string }>(
    db,
    'SELECT count() AS rows FROM interactions FINAL WHERE workspace_id = {w:String}',
    { w: WORKSPACE },
  );
  const bytes = Number(row.bytes);
  return {
    interactions: Number(live),
    // Rows in parts: more than the interactions while the link pass's row versions are unmerged.
    rowsInParts: Number(row.rows),
    activeParts: Number(row.parts),
    bytesOnDisk: bytes,
    mibPerMillionInteractions: round(bytes / 2 ** 20 / (Number(live) / 1e6), 1),
    compressionRatio: round(Number(row.uncompressed) / bytes, 1),
  };
}

/**
 * Waits (at most `limitSeconds`) until every table read with FINAL holds one part per partition
 * (the background merges that migration 0014 asks for, a minute after a load) and no merge has run
 * for two polls in a row. The queries are then timed on the tables as a user sees them after that
 * minute, and no merge's CPU is counted in theirs (the embedded ClickHouse merges inside the
 * process that has the data open). The second condition is for the fit each run makes: it adds a
 * run to customer_value (1 M rows at large), whose parts then merge, and on a copy of the data
 * that many runs have fitted that table holds tens of millions of rows (31 M after thirty runs).
 */
async function settleMerges(db: Database, limitSeconds: number): Promise<{ seconds: number; settled: boolean }> {
  const started = Date.now();
  let idlePolls = 0;
  for (;;) {
    const { extra } = await scalar<{ extra: string }>(
      db,
      `SELECT sum(parts - 1) AS extra FROM (
         SELECT table, partition, count() AS parts FROM system.parts
         WHERE database = currentDatabase() AND active AND table IN ('interactions', 'transactions', 'engagement')
         GROUP BY table, partition)`,
    );
    const { running } = await scalar<{ running: string }>(
      db,
      'SELECT count() AS running FROM system.merges WHERE database = currentDatabase()',
    );
    idlePolls = Number(running) === 0 ? idlePolls + 1 : 0;
    const seconds = round((Date.now() - started) / 1000, 1);
    if (Number(extra) === 0 && idlePolls >= 2) return { seconds, settled: true };
    if (seconds >= limitSeconds) return { seconds, settled: false };
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function fitClv(db: Database) {
  const fit = await fitWorkspace(db, {
    workspaceId: WORKSPACE,
    until: new Date(NOW.getTime() - DAY).toISOString().slice(0, 10),
  });
  return { seconds: fit.seconds, totalSeconds: round(fit.seconds.summary + fit.seconds.fit + fit.seconds.write, 2) };
}

function periods(): Period[] {
  return benchPeriods();
}

async function graphqlLatency(dataDir: string, preset: Preset, only: string[] | null) {
  const server = await startServer({
    port: 0,
    demo: false,
    quiet: true,
    env: { RESONANCE_DATA_DIR: dataDir, RESONANCE_DEMO: 'off', PORT: '0' },
  });
  try {
    const { secret } = await createApiKey(server.db, { workspaceId: WORKSPACE, role: 'admin', name: 'bench' });
    const cache = server.app.get(ResultCache);
    const target = {
      url: server.url,
      apiKey: secret,
      db: server.db,
      dropResultCache: () => cache.invalidate(WORKSPACE),
    };
    const spans = periods();
    say(`GraphQL: ${spans.length} periods × ${preset.repeats} repeats per operation, cold then warm`);
    const baselines = await measureBaselines(target, WORKSPACE, spans, preset.repeats);
    const operations = await measureOperations(target, spans, preset.repeats, say, only);
    const pages = await measurePages(target, spans, preset.repeats, only);
    // Every warm request should have been a hit: the cache's own count shows it.
    return { periods: spans, baselines, operations, pages, resultCache: cache.stats() };
  } finally {
    await server.close();
  }
}

async function standalone(preset: Preset) {
  say('ingest bench (generic CSV through the pipeline, with and without scoring)…');
  const ingestRun = await runChild('ingest/load-rate.js', [
    '--rows',
    String(preset.loadRows),
    '--scored-rows',
    String(preset.scoredLoadRows),
  ]);
  const ingest = lastJsonLine(ingestRun, 'ingest/load-rate.js');
  if (ingestRun.exitCode !== 0) throw new Error(`ingest bench failed (exit ${ingestRun.exitCode})`);

  say('sentiment bench (port vs vader-sentiment)…');
  const sentimentRun = await runChild('sentiment/main.js', [
    '--texts',
    String(preset.sentimentTexts),
    '--rounds',
    String(preset.sentimentRounds),
  ]);
  const sentiment = lastJsonLine(sentimentRun, 'sentiment/main.js');

  say(`CLV bench (${thousands(preset.clvCustomers)} simulated customers)…`);
  const clvRun = await runChild('clv/main.js', [
    '--customers',
    String(preset.clvCustomers),
    ...(preset.clvNaive ? [] : ['--skip-naive']),
  ]);
  if (clvRun.exitCode !== 0) throw new Error(`CLV bench failed (exit ${clvRun.exitCode}):\n${clvRun.stdout}`);
  const clv = {
    customers: preset.clvCustomers,
    fitSeconds: captured(clvRun, /CLV fit of \d+ customers: ([\d.]+) s/, 'the CLV fit time'),
    fitAndPredictionsSeconds: captured(clvRun, /for every customer\): ([\d.]+) s/, 'the fit + predictions time'),
    naiveOverGroupedRatio: preset.clvNaive
      ? captured(clvRun, /ratio naive \/ grouped BG\/NBD fit: ([\d.]+)x/, 'the naive ratio')
      : null,
  };
  return { ingest, sentiment: { ...sentiment, exitCode: sentimentRun.exitCode }, clv, web: await dashboard(preset) };
}

/**
 * The dashboard bench (bench/src/web: JavaScript per page, time to the Overview's figures in
 * Chromium) where it can run: it needs the built dashboard and Chromium. Its lines are kept as
 * printed; it sizes its own demo workspace (at most 50 000 customers: it loads it at every start).
 */
async function dashboard(preset: Preset): Promise<{ skipped: string } | { exitCode: number; lines: string[] }> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const dist = path.resolve(__dirname, '..', '..', 'web', 'dist', 'index.html');
  if (!fs.existsSync(dist)) return { skipped: 'no web/dist (npm run build -w web)' };
  if (!fs.existsSync(chromium)) return { skipped: `no Chromium at ${chromium}` };
  say('dashboard bench (Chromium)…');
  const customers = Math.min(preset.customers, 50_000);
  const run = await runChild('web/main.js', ['--customers', String(customers), '--runs', String(preset.webRuns)]);
  return { exitCode: run.exitCode, lines: run.stdout.trim().split('\n') };
}

function latencyCells(l: Latency): string[] {
  return [`${l.p50Ms} ms`, `${l.p95Ms} ms`];
}

function cpuCells(l: Latency): string[] {
  return [`${l.cpuP50Ms} ms`, `${l.cpuP95Ms} ms`];
}

function printQueries(
  operations: OperationLatency[],
  pages: PageLatency[],
  baselines: { roundTrip: Latency; scan: Latency },
): void {
  say(heading('GraphQL through HTTP (cold = api result cache and ClickHouse mark caches dropped)'));
  const rows = [
    ['operation', 'cold p50', 'cold p95', 'CPU p50', 'CPU p95', 'warm p50', 'warm p95', 'CPU × scan', 'p95 ≤ 250'],
  ];
  rows.push([
    'baseline: { __typename }',
    ...latencyCells(baselines.roundTrip),
    ...cpuCells(baselines.roundTrip),
    '',
    '',
    '',
    '',
  ]);
  rows.push([
    'baseline: count() FINAL of the period',
    ...latencyCells(baselines.scan),
    ...cpuCells(baselines.scan),
    '',
    '',
    '1.0',
    '',
  ]);
  for (const op of operations) {
    rows.push([
      op.name,
      ...latencyCells(op.cold),
      ...cpuCells(op.cold),
      ...latencyCells(op.warm),
      `${round(op.cold.cpuP50Ms / baselines.scan.cpuP50Ms, 1)}`,
      op.cold.p95Ms <= TARGETS.queryP95Ms ? 'yes' : 'NO',
    ]);
  }
  say(table(rows));
  say(heading("A page's operations together, cold"));
  say(
    table([
      ['page', 'operations', 'p50', 'p95', 'CPU p50', 'CPU p95', '≤ 1 s'],
      ...pages.map((p) => [
        p.page,
        String(p.operations.length),
        ...latencyCells(p.cold),
        ...cpuCells(p.cold),
        p.cold.p95Ms <= TARGETS.pageMs ? 'yes' : 'NO',
      ]),
    ]),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { preset } = options;
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-bench-'));
  const started = Date.now();
  say(`Resonance bench, preset ${preset.name}: ${thousands(preset.customers)} demo customers, data in ${dataDir}`);
  try {
    const db = await openDatabase(loadClickHouseConfig({ RESONANCE_DATA_DIR: dataDir }));
    let prepared;
    try {
      await migrate(db);
      const host = await machine(db);
      const { n } = await scalar<{ n: string }>(
        db,
        'SELECT count() AS n FROM interactions WHERE workspace_id = {w:String}',
        { w: WORKSPACE },
      );
      const load = Number(n) === 0 ? await loadDemo(db, preset) : null;
      if (load) say(`demo load: ${thousands(load.interactions)} interactions in ${load.seconds.toFixed(1)} s`);
      else say(`reusing the ${thousands(Number(n))} interactions in ${dataDir}`);
      const fit = await fitClv(db);
      const unmerged = await storage(db);
      say(`waiting for background merges (${unmerged.activeParts} parts of interactions)…`);
      const merges = await settleMerges(db, 300);
      const disk = await storage(db);
      prepared = { host, load, fit, disk: { ...disk, afterLoad: unmerged, merges } };
    } finally {
      await db.close();
    }
    const graphql = await graphqlLatency(dataDir, preset, options.only);
    const other = options.standalone ? await standalone(preset) : null;

    const { host, load, fit, disk } = prepared;
    say(
      heading(
        `Machine: ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, node ${host.node}, ClickHouse ${host.clickhouse}, load ${host.loadAverage1m}`,
      ),
    );
    say(heading('Load and storage'));
    const loadRows: string[][] = [['figure', 'value', 'baseline / target']];
    if (load) {
      loadRows.push(
        [
          'demo load (generate + pipeline + link pass), interactions/s',
          thousands(load.interactionsPerSecond),
          `target ${thousands(TARGETS.loadRowsPerSecond)}`,
        ],
        ['demo load, interactions per CPU second', thousands(load.interactionsPerCpuSecond), ''],
        ['demo load peak RSS', `${load.peakRssMiB} MiB`, ''],
      );
    }
    if (other) {
      const ingest = other.ingest as Record<string, Record<string, number>>;
      loadRows.push(
        [
          'CSV load, pre-scored, rows/s',
          thousands(ingest.prescored?.rowsPerSecond ?? NaN),
          `ClickHouse alone ${thousands(ingest.clickhouseOnly?.rowsPerSecond ?? NaN)} (ratio ${ingest.clickhouseOnly?.loadToBaselineRatio})`,
        ],
        [
          'CSV load, scored during the load, rows/s',
          thousands(ingest.scored?.rowsPerSecond ?? NaN),
          `target ${thousands(TARGETS.loadRowsPerSecond)}`,
        ],
        [
          'CSV load peak RSS (pre-scored / scored)',
          `${ingest.prescored?.peakRssMiB} / ${ingest.scored?.peakRssMiB} MiB`,
          '',
        ],
      );
    }
    loadRows.push(
      [
        'interactions on disk, MiB per million',
        String(disk.mibPerMillionInteractions),
        `compression ${disk.compressionRatio}×`,
      ],
      [
        'rows in parts / interactions (unmerged versions)',
        `${round(disk.rowsInParts / disk.interactions, 2)}`,
        `${disk.activeParts} active parts`,
      ],
      [
        'parts of interactions after the load -> merged',
        `${disk.afterLoad.activeParts} -> ${disk.activeParts}`,
        `background merges ${disk.merges.seconds} s${disk.merges.settled ? '' : ' (not finished: queries ran on unmerged parts)'}`,
      ],
      [
        'resonance fit on the demo workspace, s',
        String(fit.totalSeconds),
        `summary ${fit.seconds.summary} fit ${fit.seconds.fit} write ${fit.seconds.write}`,
      ],
    );
    if (other) {
      const s = other.sentiment as Record<string, number>;
      loadRows.push(
        [
          'sentiment port, texts/s (1 thread)',
          thousands(s.portTextsPerSecond ?? NaN),
          `vader-sentiment ${thousands(s.referenceTextsPerSecond ?? NaN)}: ${s.ratio}× (CPU ${s.ratioCpu}×), target ${TARGETS.sentimentRatio}×`,
        ],
        ['sentiment mismatches vs vader-sentiment', String(s.mismatches), `max |diff| ${s.maxDifference}`],
        [
          `CLV fit of ${thousands(other.clv.customers)} customers, s`,
          String(other.clv.fitSeconds),
          `target ${TARGETS.clvFitSeconds}${other.clv.naiveOverGroupedRatio === null ? '' : `; naive fit ${other.clv.naiveOverGroupedRatio}× slower`}`,
        ],
      );
    }
    say(table(loadRows));
    printQueries(graphql.operations, graphql.pages, graphql.baselines);
    if (other) {
      say(heading('Dashboard in Chromium (bench/src/web)'));
      say('skipped' in other.web ? `skipped: ${other.web.skipped}` : other.web.lines.join('\n'));
    }

    const results = {
      benchmark: 'resonance',
      preset,
      startedAt: new Date(started).toISOString(),
      seconds: round((Date.now() - started) / 1000, 1),
      machine: host,
      targets: TARGETS,
      demoLoad: load,
      storage: disk,
      workspaceFit: fit,
      graphql,
      ...(other ?? {}),
    };
    say(`\nresults: ${writeResults(preset.name, results)} (${results.seconds} s)`);
  } finally {
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
