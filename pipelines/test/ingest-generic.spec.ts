import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openTestDatabase, type Database } from '@resonance/sql';
import { InputError, readMapping } from '../src/sources';
import { figures, fixture, ingest, query } from './support';

let db: Database;
let tmp: string;

beforeAll(async () => {
  db = await openTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-ingest-'));
});

afterAll(async () => {
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Reject {
  line: number;
  reason: string;
}

async function rejects(runId: string): Promise<Reject[]> {
  return query<Reject>(
    db,
    'SELECT toUInt32(line) AS line, reason FROM rejects WHERE run_id = {r:String} ORDER BY file, line',
    { r: runId },
  );
}

interface Row {
  interaction_id: string;
  customer_id: string;
  author_handle: string;
  author_kind: string;
  first_reply_at: string | null;
  first_reply_id: string;
  first_reply_agent: string;
  first_bot_reply_at: string | null;
  sentiment: number | null;
  sentiment_source: string;
  lang: string;
  is_public: boolean;
  thread_id: string;
  topics: string[];
  csat: number | null;
  created_at: string;
}

async function interactions(workspace: string): Promise<Map<string, Row>> {
  const rows = await query<Row>(db, 'SELECT * FROM interactions FINAL WHERE workspace_id = {w:String}', {
    w: workspace,
  });
  return new Map(rows.map((r) => [r.interaction_id, r]));
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('generic interactions', () => {
  it('loads a CSV with reply facts, source scores, topics and normalised authors', async () => {
    const summary = await ingest(db, 'interactions', [fixture('generic', 'interactions.csv')], 'w-csv');
    expect(summary).toMatchObject({ status: 'succeeded', read: 8, loaded: 8, rejected: 0 });
    const rows = await interactions('w-csv');
    expect(rows.get('e1')).toMatchObject({
      first_reply_at: '2024-03-01 10:30:00.000',
      first_reply_id: 'e2',
      first_reply_agent: 'Sam',
      author_kind: 'email',
      author_handle: 'ann@example.com',
      sentiment: -0.5,
      sentiment_source: 'source',
      topics: ['delivery'],
      is_public: false,
    });
    // The bot's greeting is counted apart; the person's reply is the response.
    expect(rows.get('c1')).toMatchObject({
      first_reply_at: '2024-03-02 14:05:00.000',
      first_reply_id: 'c3',
      first_bot_reply_at: '2024-03-02 14:00:30.250',
      author_handle: '+442079460958',
    });
    expect(rows.get('e3')!.topics).toEqual(['delivery', 'praise']);
    expect(rows.get('x1')).toMatchObject({
      author_handle: 'bob_smith',
      is_public: true,
      thread_id: 'x1',
      first_reply_at: null,
    });
  });

  it('links replies in buckets to the same result as in one query', async () => {
    const facts = async (workspace: string) =>
      [...(await interactions(workspace)).values()]
        .map((r) => [r.interaction_id, r.first_reply_at, r.first_reply_id, r.first_reply_agent, r.first_bot_reply_at])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const file = fixture('generic', 'interactions.csv');
    await ingest(db, 'interactions', [file], 'w-link-one');
    // One row per bucket: every parent and its replies must still meet.
    const summary = await ingest(db, 'interactions', [file], 'w-link-buckets', { linkRows: 1 });
    expect(summary).toMatchObject({ status: 'succeeded', loaded: 8 });
    const bucketed = await facts('w-link-buckets');
    expect(bucketed.filter((r) => r[2] !== '').length).toBeGreaterThan(0);
    expect(bucketed).toEqual(await facts('w-link-one'));
  });

  it('rejects each bad row with its line and reason and loads the rest', async () => {
    const summary = await ingest(db, 'interactions', [fixture('generic', 'interactions-bad.csv')], 'w-bad', {
      limits: { maxFieldChars: 200, maxLineBytes: 1 << 20 },
    });
    expect(summary).toMatchObject({ status: 'succeeded', read: 11, loaded: 1, rejected: 10 });
    expect(summary.read).toBe(summary.loaded + summary.rejected);
    const reasons = await rejects(summary.runId);
    expect(reasons.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    const expected = [
      /unknown channel "fax"/,
      /unknown direction "sideways"/,
      /bad date in created_at/,
      /wrong column count: expected 8 fields, found 9/,
      /broken quoting/,
      /sentiment is not a number in \[-1, 1\]/,
      /missing interaction_id/,
      /invalid UTF-8/,
      /longer than 200 characters/,
      /broken quoting: a quoted field is never closed/,
    ];
    reasons.forEach((r, i) => expect(r.reason).toMatch(expected[i]!));
    expect([...(await interactions('w-bad')).keys()]).toEqual(['g1']);
  });

  it('loads NDJSON and gzip, and scores texts without a score', async () => {
    const gz = path.join(tmp, 'interactions.csv.gz');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(fixture('generic', 'interactions.csv'))));
    const summary = await ingest(db, 'interactions', [fixture('generic', 'interactions.ndjson'), gz], 'w-ndjson');
    expect(summary).toMatchObject({ status: 'succeeded', read: 15, loaded: 10, rejected: 5 });
    const reasons = await rejects(summary.runId);
    expect(reasons.map((r) => [r.line, r.reason.replace(/:.*/, '')])).toEqual([
      [3, 'invalid JSON'],
      [4, 'bad date in created_at'],
      [5, 'not a JSON object'],
      [6, 'text must be a scalar value'],
      [8, 'csat is not an integer in [0, 100]'],
    ]);
    const rows = await interactions('w-ndjson');
    expect(rows.get('n1')).toMatchObject({
      created_at: '2024-03-05 06:00:00.000',
      first_reply_at: '2024-03-05 06:10:00.000',
      author_handle: 'carla.m',
      topics: ['delivery', 'praise'],
      csat: 5,
      sentiment: 0.9,
    });
    expect(rows.get('e1')!.first_reply_id).toBe('e2');
  });

  it('maps other column names, a delimiter and a date format; non-English text stays unscored', async () => {
    const mapping = readMapping(fixture('generic', 'mapping.json'));
    const summary = await ingest(db, 'interactions', [fixture('generic', 'interactions-mapped.csv')], 'w-mapped', {
      mapping,
    });
    expect(summary).toMatchObject({ read: 2, loaded: 1, rejected: 1, unscored: 1 });
    const row = (await interactions('w-mapped')).get('m1')!;
    expect(row).toMatchObject({
      created_at: '2024-03-05 14:30:00.000',
      author_handle: 'kunde@example.de',
      lang: 'de',
      sentiment: null,
    });
    const [run] = await query<{ rows_unscored: string }>(
      db,
      'SELECT rows_unscored FROM ingest_runs FINAL WHERE run_id = {r:String}',
      {
        r: summary.runId,
      },
    );
    expect(run!.rows_unscored).toBe('1');
  });

  it('leaves text the source says is not English unscored, and keeps the language', async () => {
    const file = write(
      'langs.ndjson',
      '{"interaction_id":"l1","channel":"twitter","direction":"inbound","created_at":"2024-03-01T09:00:00Z","text":"Great service, thanks","lang":"es"}\n' +
        '{"interaction_id":"l2","channel":"twitter","direction":"inbound","created_at":"2024-03-01T09:00:00Z","text":"Great service, thanks"}\n',
    );
    const summary = await ingest(db, 'interactions', [file], 'w-lang');
    expect(summary).toMatchObject({ loaded: 2, unscored: 1 });
    const rows = await interactions('w-lang');
    expect(rows.get('l1')).toMatchObject({ lang: 'es', sentiment: null });
    expect(rows.get('l2')).toMatchObject({ lang: 'en', sentiment_source: 'vader' });
    expect(rows.get('l2')!.sentiment).toBeGreaterThan(0.05);
  });

  it('fails clearly on a header without required columns or a missing file, before writing', async () => {
    const noId = write('no-id.csv', 'channel,direction,created_at\nemail,inbound,2024-01-01\n');
    const failed = await ingest(db, 'interactions', [noId], 'w-fail');
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(/no column for interaction_id/);
    await expect(
      ingest(db, 'interactions', [fixture('generic', 'interactions.csv'), path.join(tmp, 'missing.csv')], 'w-fail'),
    ).rejects.toThrow(InputError);
    expect((await figures(db, 'w-fail')).interactions).toBe('0');
  });

  it('fails a truncated gzip with a clear message; the re-run of the good file loads it once', async () => {
    const good = fs.readFileSync(fixture('generic', 'interactions.csv'));
    const truncated = path.join(tmp, 'truncated.csv.gz');
    const zipped = gzipSync(good);
    fs.writeFileSync(truncated, zipped.subarray(0, zipped.length - 20));
    const failed = await ingest(db, 'interactions', [truncated], 'w-trunc');
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(/cannot read the file/);
    const gz = path.join(tmp, 'good.csv.gz');
    fs.writeFileSync(gz, zipped);
    await ingest(db, 'interactions', [gz], 'w-trunc');
    await ingest(db, 'interactions', [fixture('generic', 'interactions.csv')], 'w-clean');
    expect(await figures(db, 'w-trunc')).toEqual(await figures(db, 'w-clean'));
  });
});

describe('reply linkage whatever the load order', () => {
  const parents =
    'interaction_id,brand,channel,direction,created_at,author_handle,text\np1,acme,email,inbound,2024-04-01T08:00:00Z,a@x.io,Where is my order\np2,acme,email,inbound,2024-04-01T09:00:00Z,b@x.io,Cancel please\n';
  const replies =
    'interaction_id,brand,channel,direction,created_at,parent_id,agent,is_automated,text\n' +
    'r1,acme,email,outbound,2024-04-01T08:45:00Z,p1,Ana,false,On its way\n' +
    'r0,acme,email,outbound,2024-04-01T08:01:00Z,p1,,true,We got your message\n' +
    'r2,rival,email,outbound,2024-04-01T09:10:00Z,p2,Zed,false,Not our brand\n' +
    'r3,acme,email,outbound,2024-04-01T08:30:00Z,p1,Bo,false,Looking into it\n';

  it('gives the same first replies for parent first, reply first, one run or another file', async () => {
    const p = write('parents.csv', parents);
    const r = write('replies.csv', replies);
    await ingest(db, 'interactions', [p], 'w-order-a');
    await ingest(db, 'interactions', [r], 'w-order-a');
    await ingest(db, 'interactions', [r], 'w-order-b');
    await ingest(db, 'interactions', [p], 'w-order-b');
    await ingest(db, 'interactions', [r, p], 'w-order-c');
    for (const w of ['w-order-a', 'w-order-b', 'w-order-c']) {
      const rows = await interactions(w);
      expect(rows.get('p1')).toMatchObject({
        first_reply_at: '2024-04-01 08:30:00.000',
        first_reply_id: 'r3',
        first_reply_agent: 'Bo',
        first_bot_reply_at: '2024-04-01 08:01:00.000',
      });
      // A reply by another brand is not this brand's response.
      expect(rows.get('p2')!.first_reply_at).toBeNull();
    }
  });
});

describe('identity resolution', () => {
  it('resolves authors at load when the identities are there first', async () => {
    const ids = await ingest(db, 'identities', [fixture('generic', 'identities.csv')], 'w-id-first');
    expect(ids).toMatchObject({ read: 7, loaded: 4, rejected: 3 });
    expect((await rejects(ids.runId)).map((r) => r.reason.replace(/:.*/, ''))).toEqual([
      'unknown kind "pager" (expected one of email, phone, twitter, facebook, instagram, whatsapp, line, wechat, messenger, chat, zendesk, external)',
      'handle is not a valid email',
      'followers is not an integer in [0, 4294967295]',
    ]);
    await ingest(db, 'interactions', [fixture('generic', 'interactions.csv')], 'w-id-first');
    const rows = await interactions('w-id-first');
    expect(rows.get('e1')!.customer_id).toBe('c-1');
    expect(rows.get('e3')!.customer_id).toBe('c-1');
    expect(rows.get('c1')!.customer_id).toBe('c-1');
    expect(rows.get('x1')!.customer_id).toBe('c-2');
    // Outbound rows are the brand's, never a customer's.
    expect(rows.get('e2')!.customer_id).toBe('');
  });

  it('links interactions loaded before their identities without reloading them', async () => {
    const load = await ingest(db, 'interactions', [fixture('generic', 'interactions.csv')], 'w-id-later');
    const before = await interactions('w-id-later');
    expect([...before.values()].filter((r) => r.customer_id !== '')).toHaveLength(0);
    await ingest(db, 'identities', [fixture('generic', 'identities.csv')], 'w-id-later');
    const after = await interactions('w-id-later');
    expect(after.get('e1')!.customer_id).toBe('c-1');
    expect(after.get('x2')!.customer_id).toBe('c-2');
    expect(after.get('c1')!.customer_id).toBe('c-1');
    // The rows were rewritten by the pass, not loaded again: they still belong to the first run, reply facts intact.
    const [run] = await query<{ runs: string }>(
      db,
      'SELECT toString(uniqExact(ingest_run_id)) AS runs FROM interactions FINAL WHERE workspace_id = {w:String}',
      {
        w: 'w-id-later',
      },
    );
    expect(run!.runs).toBe('1');
    expect(
      (
        await query<{ ingest_run_id: string }>(
          db,
          "SELECT ingest_run_id FROM interactions FINAL WHERE workspace_id = 'w-id-later' LIMIT 1",
        )
      )[0]!.ingest_run_id,
    ).toBe(load.runId);
    expect(after.get('e1')!.first_reply_id).toBe('e2');
    expect(await figures(db, 'w-id-later')).toEqual(await figures(db, 'w-id-first'));
  });

  it('customers bring their e-mail and phone as identities', async () => {
    await ingest(db, 'interactions', [fixture('generic', 'interactions.csv')], 'w-cust');
    const summary = await ingest(db, 'customers', [fixture('generic', 'customers.csv')], 'w-cust');
    expect(summary).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    const customers = await query<{
      customer_id: string;
      email: string;
      country: string;
      attributes: Record<string, string>;
    }>(
      db,
      "SELECT customer_id, email, country, attributes FROM customers FINAL WHERE workspace_id = 'w-cust' ORDER BY customer_id",
    );
    expect(customers).toEqual([
      { customer_id: 'c-1', email: 'ann@example.com', country: 'GB', attributes: { plan: 'premium' } },
      { customer_id: 'c-2', email: '', country: 'US', attributes: { plan: 'basic' } },
    ]);
    const rows = await interactions('w-cust');
    expect(rows.get('e1')!.customer_id).toBe('c-1');
    expect((await figures(db, 'w-cust')).identities).toBe('2');
  });
});

describe('transactions', () => {
  it('loads amounts exactly and rejects bad kinds, amounts, currencies and missing customers', async () => {
    const summary = await ingest(db, 'transactions', [fixture('generic', 'transactions.csv')], 'w-tx');
    expect(summary).toMatchObject({ read: 7, loaded: 3, rejected: 4 });
    expect((await rejects(summary.runId)).map((r) => r.line)).toEqual([5, 6, 7, 8]);
    const sums = await query<{ customer_id: string; total: string; currency: string }>(
      db,
      "SELECT customer_id, toString(sum(amount)) AS total, any(currency) AS currency FROM transactions FINAL WHERE workspace_id = 'w-tx' GROUP BY customer_id ORDER BY customer_id",
    );
    expect(sums).toEqual([
      { customer_id: 'c-1', total: '14.99', currency: 'EUR' },
      { customer_id: 'c-2', total: '100', currency: 'USD' },
    ]);
  });
});

describe('idempotence', () => {
  it('loading the same files twice gives the figures of one load', async () => {
    const files = [fixture('generic', 'interactions.csv'), fixture('generic', 'interactions.ndjson')];
    await ingest(db, 'identities', [fixture('generic', 'identities.csv')], 'w-once');
    await ingest(db, 'interactions', files, 'w-once');
    await ingest(db, 'transactions', [fixture('generic', 'transactions.csv')], 'w-once');
    for (let i = 0; i < 2; i++) {
      await ingest(db, 'identities', [fixture('generic', 'identities.csv')], 'w-twice');
      await ingest(db, 'interactions', files, 'w-twice');
      await ingest(db, 'transactions', [fixture('generic', 'transactions.csv')], 'w-twice');
    }
    const once = await figures(db, 'w-once');
    expect(once.interactions).toBe('10');
    expect(once.answered).toBe('3');
    expect(await figures(db, 'w-twice')).toEqual(once);
  });
});
