import { spawn } from 'node:child_process';
import * as path from 'node:path';

// The per-area benches (ingest, sentiment, clv) are scripts of their own: each runs in a child
// process, which also gives each its own embedded ClickHouse (chDB allows one data directory per
// process). Their output is parsed here; their own figures and baselines are kept as they print them.

export interface ChildRun {
  stdout: string;
  exitCode: number;
  seconds: number;
}

/** Runs `node bench/dist/<script> ...args`, passing its stderr through. */
export function runChild(script: string, args: readonly string[]): Promise<ChildRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, exitCode: code ?? 1, seconds: (Date.now() - started) / 1000 }));
  });
}

/** The last line of the output that parses as a JSON object (the per-area benches end with one). */
export function lastJsonLine(run: ChildRun, script: string): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // not the result line
    }
  }
  throw new Error(`${script} printed no JSON result (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}`);
}

/** A number captured by the pattern's first group, or an error naming what was missing. */
export function captured(run: ChildRun, pattern: RegExp, what: string): number {
  const match = pattern.exec(run.stdout);
  const value = match ? Number(match[1]) : NaN;
  if (!Number.isFinite(value)) throw new Error(`could not read ${what} from:\n${run.stdout.slice(-2000)}`);
  return value;
}
