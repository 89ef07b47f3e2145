import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadClickHouseConfig, migrate, openDatabase, type Database } from '@resonance/sql';
import { closeSentimentPool, defaultScorer, findSource, loadFiles, type RunSummary } from '@resonance/pipelines';
import { generateInteractionsCsv } from './generate';

// Load-rate benchmark: generates interactions CSVs, loads them with `resonance ingest`'s code
// path into a fresh embedded ClickHouse, and prints rows/s and peak RSS. Two runs: pre-scored rows
// (the source supplies sentiment) and rows scored during the load by the worker pool.
//
//   npx tsc -b && node bench/dist/ingest/load-rate.js [--rows 1000000] [--scored-rows 200000] [--keep]
//
// Bounded memory on a multi-GB file: big-file.ts.

interface Options {
  rows: number;
  scoredRows: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rows: 1_000_000, scoredRows: 200_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--rows' || arg === '--scored-rows') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number, got ${argv[i]}`);
      if (arg === '--rows') options.rows = value;
      else options.scoredRows = value;
    } else throw new Error('usage: node bench/dist/ingest/load-rate.js [--rows N] [--scored-rows N] [--keep]');
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-bench-ingest-'));
  const db = await openDatabase(
    loadClickHouseConfig({ RESONANCE_DATA_DIR: path.join(dir, 'data'), CLICKHOUSE_DB: 'bench' }),
  );
  const source = findSource('interactions')!;
  const results: Record<string, unknown> = { cpus: os.cpus().length };
  try {
    await migrate(db);
    const runs: [string, number, boolean][] = [
      ['prescored', options.rows, false],
      ['scored', options.scoredRows, true],
    ];
    for (const [name, rows, scored] of runs) {
      if (rows === 0) continue;
      const file = path.join(dir, `${name}.csv`);
      const bytes = await generateInteractionsCsv(file, rows, { unscored: scored });
      const cpu = process.cpuUsage();
      const { result, peakRss } = await withPeakRss<RunSummary>(() =>
        loadFiles(db, source, [file], { workspaceId: `bench-${name}`, ...(scored ? { scorer: defaultScorer() } : {}) }),
      );
      const used = process.cpuUsage(cpu);
      if (result.status !== 'succeeded' || result.loaded !== rows)
        throw new Error(`${name} load did not load every row: ${JSON.stringify(result)}`);
      const rate = Math.round(rows / result.seconds);
      results[name] = {
        rows,
        fileMiB: Math.round(bytes / 2 ** 20),
        seconds: result.seconds,
        rowsPerSecond: rate,
        unscored: result.unscored,
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        mainThreadCpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
      };
      process.stdout.write(
        `${name.padEnd(9)} ${rows.toLocaleString('en-US').padStart(11)} rows  ${(bytes / 2 ** 20).toFixed(0).padStart(6)} MiB  ` +
          `${result.seconds.toFixed(1).padStart(6)} s  ${rate.toLocaleString('en-US').padStart(9)} rows/s  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB\n`,
      );
      fs.rmSync(file, { force: true });
      if (name === 'prescored') {
        const baseline = await clickhouseOnly(db, `bench-${name}`, dir);
        const baseRate = Math.round(baseline.rows / baseline.seconds);
        results.clickhouseOnly = {
          rows: baseline.rows,
          seconds: baseline.seconds,
          rowsPerSecond: baseRate,
          loadToBaselineRatio: Math.round((rate / baseRate) * 100) / 100,
        };
        process.stdout.write(
          `baseline  ${baseline.rows.toLocaleString('en-US').padStart(11)} rows  ClickHouse alone parsing and inserting them: ` +
            `${baseRate.toLocaleString('en-US')} rows/s (load = ${(rate / baseRate).toFixed(2)} × baseline)\n`,
        );
      }
    }
    results.target = { prescoredRowsPerSecond: 200_000 };
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await closeSentimentPool();
    await db.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
