import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIGURES_SQL, type Figures } from './support';

// The CLI runs from dist (pipelines/bin/resonance.js): build it first. Every ClickHouse access of
// this test is in a child process, because a killed load must leave its data directory to others.
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'pipelines', 'bin', 'resonance.js');
const ROWS = 60_000;
let tmp: string;
let csv: string;

function env(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    RESONANCE_DATA_DIR: dataDir,
    RESONANCE_INGEST_BATCH_ROWS: '2000',
    RESONANCE_PROGRESS_MS: '20',
    CLICKHOUSE_URL: '',
  };
}

/** Reads the figures of a workspace in a child process (the data directory is locked per process). */
function figuresOf(dataDir: string, workspace: string): Figures {
  const script = `
    const { openDatabase, loadClickHouseConfig } = require(${JSON.stringify(path.join(ROOT, 'sql', 'dist', 'index.js'))});
    (async () => {
      const db = await openDatabase(loadClickHouseConfig());
      const result = await db.client.query({ query: process.env.FIGURES_SQL, query_params: { w: process.env.WORKSPACE }, format: 'JSONEachRow' });
      process.stdout.write(JSON.stringify((await result.json())[0]));
      await db.close();
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { ...env(dataDir), FIGURES_SQL, WORKSPACE: workspace },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Figures;
}

function ingest(dataDir: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'ingest', 'interactions', csv, '--workspace', 'w-crash', '--json'], {
    env: env(dataDir),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync('npx', ['tsc', '-b', 'pipelines'], { cwd: ROOT, stdio: 'ignore' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-crash-'));
  csv = path.join(tmp, 'interactions.csv');
  const lines = ['interaction_id,brand,channel,direction,created_at,parent_id,author_handle,agent,text,sentiment'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const inbound = i % 2 === 0;
    const at = new Date(start + i * 60_000 + (inbound ? 0 : 45 * 60_000)).toISOString();
    // Every other reply comes first in the file and every tenth message has no score, so the
    // re-run must link and score as much as a clean load.
    const parent = inbound ? '' : `m${i - 1}`;
    const score = i % 10 === 0 ? '' : ((i % 200) / 100 - 1).toFixed(2);
    lines.push(
      `m${i},acme,chat,${inbound ? 'inbound' : 'outbound'},${at},${parent},user${i % 997}@example.com,${inbound ? '' : 'Ana'},"message ${i}, thanks for the help",${score}`,
    );
  }
  fs.writeFileSync(csv, lines.join('\n') + '\n');
}, 300_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('a load killed with SIGKILL half-way and run again gives the figures of one clean load', async () => {
  const crashDir = path.join(tmp, 'crash');
  const child = spawn(process.execPath, [BIN, 'ingest', 'interactions', csv, '--workspace', 'w-crash'], {
    env: env(crashDir),
  });
  let stderr = '';
  const killedAt = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      // Kill once a third of the rows were read: several batches are in the table, most are not.
      const counts = [...stderr.matchAll(/([\d,]+) rows,/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      const read = Math.max(0, ...counts);
      if (read >= ROWS / 3 && child.exitCode === null) {
        child.kill('SIGKILL');
        resolve(read);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the load ended (${code}) before it could be killed: ${stderr}`));
    });
  });
  await new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
  );
  expect(killedAt).toBeLessThan(ROWS);
  const partial = figuresOf(crashDir, 'w-crash');
  expect(Number(partial.interactions)).toBeGreaterThan(0);
  expect(Number(partial.interactions)).toBeLessThan(ROWS);

  const rerun = ingest(crashDir);
  expect(rerun.code).toBe(0);
  const summary = JSON.parse(rerun.stdout) as { read: number; loaded: number; rejected: number };
  expect(summary).toMatchObject({ read: ROWS, loaded: ROWS, rejected: 0 });

  const cleanDir = path.join(tmp, 'clean');
  expect(ingest(cleanDir).code).toBe(0);
  const clean = figuresOf(cleanDir, 'w-crash');
  expect(clean).toMatchObject({ interactions: String(ROWS), inbound: String(ROWS / 2), answered: String(ROWS / 2) });
  expect(figuresOf(crashDir, 'w-crash')).toEqual(clean);
});

it('a missing file fails with a clear message, a non-zero exit and nothing written', () => {
  const dir = path.join(tmp, 'missing');
  const r = spawnSync(
    process.execPath,
    [BIN, 'ingest', 'interactions', csv, path.join(tmp, 'nope.csv'), '--workspace', 'w-crash'],
    {
      env: env(dir),
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/nope\.csv: cannot read \(no such file\)/);
  expect(figuresOf(dir, 'w-crash').interactions).toBe('0');
});
