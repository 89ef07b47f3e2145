import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadClickHouseConfig, migrate, openDatabase } from '@resonance/sql';
import { findSource, loadFiles, type RunSummary } from '@resonance/pipelines';
import { generateInteractionsCsv } from './generate';

// Bounded memory on a multi-GB file (issue 3): generates a pre-scored interactions CSV of
// several GB, loads it with `resonance ingest`'s code path into a fresh embedded ClickHouse
// (which runs in this process, so its memory counts too) and samples RSS every second from the
// start of the load to the end of finish() (identity and reply-link passes included).
//
//   npx tsc -b && node --max-semi-space-size=64 bench/dist/ingest/big-file.js [--rows 9000000] [--pad 120] [--link-rows N] [--keep]
//
// Prints the RSS curve (max, p50, p90, per tenth of the run) and rows/s, then one JSON line.

interface Options {
  rows: number;
  pad: number;
  /** Rows per reply-link query; the load's default when absent. */
  linkRows?: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rows: 9_000_000, pad: 120, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--rows' || arg === '--pad' || arg === '--link-rows') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number, got ${argv[i]}`);
      if (arg === '--rows') options.rows = value;
      else if (arg === '--pad') options.pad = value;
      else options.linkRows = value;
    } else
      throw new Error('usage: node bench/dist/ingest/big-file.js [--rows N] [--pad CHARS] [--link-rows N] [--keep]');
  }
  return options;
}

interface Sample {
  seconds: number;
  rss: number;
  /** The JavaScript heap, apart from the embedded ClickHouse's native memory. */
  heap: number;
}

const MiB = 2 ** 20;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-bench-big-'));
  const db = await openDatabase(
    loadClickHouseConfig({ RESONANCE_DATA_DIR: path.join(dir, 'data'), CLICKHOUSE_DB: 'bench' }),
  );
  try {
    await migrate(db);
    const file = path.join(dir, 'big.csv');
    process.stdout.write(`generating ${options.rows.toLocaleString('en-US')} rows…\n`);
    const bytes = await generateInteractionsCsv(file, options.rows, { unscored: false, padChars: options.pad });
    process.stdout.write(`file ${(bytes / 2 ** 30).toFixed(2)} GiB; loading, RSS sampled every second\n`);

    const samples: Sample[] = [];
    const started = process.hrtime.bigint();
    const sample = () => {
      const memory = process.memoryUsage();
      samples.push({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        rss: memory.rss,
        heap: memory.heapUsed,
      });
    };
    sample();
    const timer = setInterval(sample, 1_000);
    let summary: RunSummary;
    try {
      summary = await loadFiles(db, findSource('interactions')!, [file], {
        workspaceId: 'bench-big',
        ...(options.linkRows ? { linkRows: options.linkRows } : {}),
      });
    } finally {
      clearInterval(timer);
      sample();
    }
    // A failed load still shows its RSS curve up to the failure (then the bench fails).
    const failure =
      summary.status !== 'succeeded' || summary.loaded !== options.rows
        ? `the load did not load every row: ${JSON.stringify(summary)}`
        : null;
    if (!options.keep) fs.rmSync(file, { force: true });

    const rss = samples.map((s) => s.rss).sort((a, b) => a - b);
    const gaps = samples.slice(1).map((s, i) => s.seconds - samples[i]!.seconds);
    const tenths: number[] = [];
    for (let t = 0; t < 10; t++) {
      const from = Math.floor((t * samples.length) / 10);
      const to = Math.max(from + 1, Math.floor(((t + 1) * samples.length) / 10));
      tenths.push(Math.max(...samples.slice(from, to).map((s) => s.rss)));
    }
    const rate = Math.round(options.rows / summary.seconds);
    const result = {
      rows: options.rows,
      fileGiB: Math.round((bytes / 2 ** 30) * 100) / 100,
      seconds: summary.seconds,
      rowsPerSecond: rate,
      fastRows: summary.fastRows ?? 0,
      samples: samples.length,
      longestGapSeconds: Math.round(Math.max(0, ...gaps) * 10) / 10,
      rssMaxMiB: Math.round(rss[rss.length - 1]! / MiB),
      rssP50MiB: Math.round(quantile(rss, 0.5) / MiB),
      rssP90MiB: Math.round(quantile(rss, 0.9) / MiB),
      rssMaxPerTenthMiB: tenths.map((r) => Math.round(r / MiB)),
      jsHeapMaxMiB: Math.round(Math.max(...samples.map((s) => s.heap)) / MiB),
      underOneGiB: rss[rss.length - 1]! < 2 ** 30,
    };
    process.stdout.write(
      `loaded ${options.rows.toLocaleString('en-US')} rows (${result.fileGiB} GiB) in ${summary.seconds.toFixed(0)} s: ` +
        `${rate.toLocaleString('en-US')} rows/s (${result.fastRows.toLocaleString('en-US')} through the fast path)\n` +
        `RSS over ${samples.length} samples: max ${result.rssMaxMiB} MiB, p50 ${result.rssP50MiB} MiB, p90 ${result.rssP90MiB} MiB ` +
        `(${result.underOneGiB ? 'under' : 'OVER'} 1 GiB)\n` +
        `RSS max per tenth of the run (MiB): ${result.rssMaxPerTenthMiB.join(' ')}; JS heap max ${result.jsHeapMaxMiB} MiB\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (failure) throw new Error(failure);
  } finally {
    await db.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
