import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openTestDatabase, type Database } from '@resonance/sql';
import type { RunSummary } from '../src/load/ingest-run';
import { parseMapping, readMapping, type Mapping } from '../src/sources';
import { figures, fixture, ingest, query } from './support';

// The fast load path (ClickHouse types and validates staged CSV records) must load exactly what
// the JavaScript path loads: the same interactions rows, the same rejects (file, line, reason,
// raw) and the same run counts, on the good fixtures and the bad-row corpora.

let db: Database;
let tmp: string;

beforeAll(async () => {
  db = await openTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-fast-'));
});

afterAll(async () => {
  delete process.env.RESONANCE_INGEST_FAST;
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Case {
  name: string;
  files: () => string[];
  mapping?: () => Mapping;
  limits?: { maxFieldChars: number; maxLineBytes: number };
  batchRows?: number;
}

async function load(c: Case, workspace: string, fast: boolean): Promise<RunSummary> {
  if (fast) delete process.env.RESONANCE_INGEST_FAST;
  else process.env.RESONANCE_INGEST_FAST = '0';
  try {
    return await ingest(db, 'interactions', c.files(), workspace, {
      ...(c.mapping ? { mapping: c.mapping() } : {}),
      ...(c.limits ? { limits: c.limits } : {}),
      ...(c.batchRows ? { batchRows: c.batchRows } : {}),
    });
  } finally {
    delete process.env.RESONANCE_INGEST_FAST;
  }
}

/** Every column but the workspace, the run id and the version (which differ between two runs). */
async function rows(workspace: string): Promise<unknown[]> {
  return query(
    db,
    'SELECT * EXCEPT (workspace_id, ingest_run_id, version) FROM interactions FINAL WHERE workspace_id = {w:String} ORDER BY interaction_id, created_at',
    { w: workspace },
  );
}

async function rejects(runId: string): Promise<unknown[]> {
  return query(db, 'SELECT file, line, reason, raw FROM rejects WHERE run_id = {r:String} ORDER BY file, line', {
    r: runId,
  });
}

function counts(s: RunSummary) {
  return {
    status: s.status,
    message: s.message,
    read: s.read,
    loaded: s.loaded,
    rejected: s.rejected,
    unscored: s.unscored,
  };
}

function write(name: string, data: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

const EDGE = () => fixture('generic', 'interactions-edge.csv');

const CASES: Case[] = [
  { name: 'good', files: () => [fixture('generic', 'interactions.csv')] },
  {
    name: 'bad-corpus',
    files: () => [fixture('generic', 'interactions-bad.csv')],
    limits: { maxFieldChars: 200, maxLineBytes: 1 << 20 },
  },
  // Valid forms the SQL takes or hands back, rejects found in SQL, CRLF and non-ASCII records;
  // small batches so some batches are clean and some are sorted out; and the same file gzipped.
  {
    name: 'edge',
    files: () => [EDGE(), write('edge.csv.gz', gzipSync(fs.readFileSync(EDGE())))],
    batchRows: 6,
  },
  {
    name: 'mapped-defaults',
    files: () => [
      write(
        'mapped.csv',
        'Id;When;Channel;From;Body;Score\n' +
          'd1;2024-05-01T10:00:00Z;;020 7946 0958;hello;0.5\n' +
          'd2;2024-05-01T10:05:00Z;phone;;no author;\n' +
          'd3;2024-05-01T10:06:00Z;whatsapp;07946 095800;hi;-0.25\n' +
          'd4;2024-05-01;fax;x;unknown channel;0.1\n',
      ),
    ],
    mapping: () =>
      parseMapping({
        columns: {
          interaction_id: 'Id',
          created_at: 'When',
          channel: 'Channel',
          author_handle: 'From',
          text: 'Body',
          sentiment: 'Score',
        },
        delimiter: ';',
        defaults: { channel: 'phone', direction: 'inbound', brand: 'acme', sentiment: '0.05' },
        defaultCountry: 'GB',
      }),
  },
  // One reply and one message repeated in a batch (same id and time, other values): the row kept
  // is the last copy, on both paths (whether or not the insert merges the batch).
  {
    name: 'repeated',
    files: () => [
      write(
        'repeated.csv',
        'interaction_id,brand,channel,direction,created_at,thread_id,parent_id,author_handle,agent,text,sentiment\n' +
          'r1,acme,twitter,inbound,2024-06-01T09:00:00Z,t-r,,@ann,,first,0.1\n' +
          'r2,acme,twitter,outbound,2024-06-01T09:10:00Z,t-r,r1,@acme,Sam,reply one,0.2\n' +
          'r1,acme,twitter,inbound,2024-06-01T09:00:00Z,t-r,,@ann,,second,-0.3\n' +
          'r2,acme,twitter,outbound,2024-06-01T09:10:00Z,t-r,r1,@acme,Kim,reply two,0.4\n' +
          'r3,acme,twitter,inbound,2024-06-01T09:20:00Z,t-r,,@ann,,thanks,0.5\n' +
          'r1,acme,twitter,inbound,2024-06-01T09:00:00Z,t-r,,@ann,,third,-0.6\n',
      ),
    ],
  },
  {
    name: 'date-format',
    files: () => [fixture('generic', 'interactions-mapped.csv')],
    mapping: () => readMapping(fixture('generic', 'mapping.json')),
  },
];

describe('fast load path against the JavaScript path', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: same rows, rejects and counts', async (name, c) => {
    const fast = await load(c, `fast-${name}`, true);
    const js = await load(c, `js-${name}`, false);
    expect(js.fastRows).toBe(0);
    expect(counts(fast)).toEqual(counts(js));
    expect(await rejects(fast.runId)).toEqual(await rejects(js.runId));
    const loaded = await rows(`fast-${name}`);
    expect(loaded).toEqual(await rows(`js-${name}`));
    expect(loaded.length).toBeGreaterThan(0);
  });

  it('takes the rows it can and says so; files it cannot take go through JavaScript whole', async () => {
    const good = await load(CASES[0]!, 'paths-good', true);
    expect(good.fastRows).toBe(8);
    const edge = await load(CASES[2]!, 'paths-edge', true);
    // Most edge rows are typed in ClickHouse; rejects, rows to score and forms the SQL leaves
    // to JavaScript (epoch and Twitter dates, hexadecimal, non-ASCII handles, CR) are not.
    expect(edge.fastRows).toBeGreaterThan(10);
    expect(edge.fastRows).toBeLessThan(edge.loaded);
    // The mapping's defaults, delimiter and country are applied in SQL too.
    const mapped = await load(CASES[3]!, 'paths-mapped', true);
    expect(mapped).toMatchObject({ fastRows: 3, loaded: 3, rejected: 1 });
    const dated = await load(CASES[5]!, 'paths-dated', true);
    expect(dated.fastRows).toBe(0);
  });

  it('keeps the last copy of a row repeated in a batch', async () => {
    const summary = await load(CASES[4]!, 'repeated-fast', true);
    expect(summary).toMatchObject({ fastRows: 6, loaded: 6, rejected: 0 });
    const kept = await query(
      db,
      'SELECT interaction_id, text, sentiment, agent, first_reply_agent FROM interactions FINAL WHERE workspace_id = {w:String} ORDER BY interaction_id',
      { w: 'repeated-fast' },
    );
    expect(kept).toEqual([
      { interaction_id: 'r1', text: 'third', sentiment: -0.6, agent: '', first_reply_agent: 'Kim' },
      { interaction_id: 'r2', text: 'reply two', sentiment: 0.4, agent: 'Kim', first_reply_agent: '' },
      { interaction_id: 'r3', text: 'thanks', sentiment: 0.5, agent: '', first_reply_agent: '' },
    ]);
  });

  it('loading the same file twice on the fast path gives the figures of one load', async () => {
    await load(CASES[2]!, 'twice-once', true);
    await load(CASES[2]!, 'twice-twice', true);
    await load(CASES[2]!, 'twice-twice', true);
    const once = await figures(db, 'twice-once');
    expect(Number(once.interactions)).toBeGreaterThan(10);
    expect(await figures(db, 'twice-twice')).toEqual(once);
  });
});
