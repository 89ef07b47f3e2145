import { openTestDatabase, type Database } from '@resonance/sql';
import { IngestRun } from '../src/load/ingest-run';
import { figures, fixture, ingest, query } from './support';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

interface Row {
  interaction_id: string;
  brand: string;
  direction: string;
  parent_id: string;
  thread_id: string;
  agent: string;
  channel: string;
  is_public: boolean;
  author_handle: string;
  author_kind: string;
  author_followers: number | null;
  first_reply_at: string | null;
  first_reply_id: string;
  first_bot_reply_at: string | null;
  is_automated: boolean;
  csat: number | null;
  topics: string[];
  created_at: string;
  text: string;
}

async function rows(workspace: string): Promise<Map<string, Row>> {
  const list = await query<Row>(db, 'SELECT * FROM interactions FINAL WHERE workspace_id = {w:String}', {
    w: workspace,
  });
  return new Map(list.map((r) => [r.interaction_id, r]));
}

async function rejectReasons(runId: string): Promise<[number, string][]> {
  const list = await query<{ line: number; reason: string }>(
    db,
    'SELECT toUInt32(line) AS line, reason FROM rejects WHERE run_id = {r:String} ORDER BY line, reason',
    { r: runId },
  );
  return list.map((r) => [r.line, r.reason]);
}

describe('twcs', () => {
  it('attributes inbound tweets to the brand replied to or first mentioned, and links replies', async () => {
    const summary = await ingest(db, 'twcs', [fixture('twcs', 'twcs.csv')], 'w-twcs');
    expect(summary).toMatchObject({ status: 'succeeded', read: 11, loaded: 11, rejected: 0 });
    const r = await rows('w-twcs');
    expect(r.get('1')).toMatchObject({
      brand: 'sprintcare',
      direction: 'outbound',
      parent_id: '3',
      channel: 'twitter',
      is_public: true,
    });
    // Replies to the brand: the brand replied to.
    expect(r.get('2')).toMatchObject({ brand: 'sprintcare', direction: 'inbound', author_handle: '115712' });
    // No parent: the first brand it mentions (AskAmex before sprintcare).
    expect(r.get('20')).toMatchObject({
      brand: 'askamex',
      first_reply_id: '21',
      first_reply_at: '2017-11-01 08:30:00.000',
    });
    expect(r.get('8')).toMatchObject({ first_reply_id: '6', first_reply_at: '2017-10-31 21:46:24.000' });
    expect(r.get('12')).toMatchObject({ first_reply_id: '11' });
    // Agents sign with initials.
    expect(r.get('11')!.agent).toBe('KC');
    expect(r.get('21')!.agent).toBe('JS');
    const brands = await query<{ brand: string; name: string }>(
      db,
      "SELECT brand, name FROM brands FINAL WHERE workspace_id = 'w-twcs' ORDER BY brand",
    );
    expect(brands).toEqual([
      { brand: 'askamex', name: 'AskAmex' },
      { brand: 'sprintcare', name: 'sprintcare' },
    ]);
  });

  it('attributes tweets that arrive in an earlier run than their parent and their brand', async () => {
    // Tweet 2 replies to tweet 1 (sprintcare); load it alone first.
    const lines = (await import('node:fs')).readFileSync(fixture('twcs', 'twcs.csv'), 'utf8').split('\n');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twcs-'));
    const replyOnly = path.join(dir, 'reply.csv');
    const rest = path.join(dir, 'rest.csv');
    fs.writeFileSync(replyOnly, [lines[0], lines[2]].join('\n') + '\n');
    fs.writeFileSync(rest, [lines[0], ...lines.slice(1).filter((_, i) => i !== 1)].join('\n'));
    await ingest(db, 'twcs', [replyOnly], 'w-twcs-late');
    // No tweet of sprintcare's yet, so nothing says it is a brand.
    expect((await rows('w-twcs-late')).get('2')!.brand).toBe('');
    await ingest(db, 'twcs', [rest], 'w-twcs-late');
    const late = await rows('w-twcs-late');
    expect(late.get('2')!.brand).toBe('sprintcare');
    expect(await figures(db, 'w-twcs-late')).toEqual(await figures(db, 'w-twcs'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects the corpus of bad rows with line and reason', async () => {
    const summary = await ingest(db, 'twcs', [fixture('twcs', 'twcs-bad.csv')], 'w-twcs-bad');
    expect(summary).toMatchObject({ read: 9, loaded: 1, rejected: 8 });
    expect(await rejectReasons(summary.runId)).toEqual([
      [2, 'wrong column count: expected 7 fields, found 8'],
      [3, 'broken quoting: text after the closing quote of field 5'],
      [4, 'inbound is not a boolean: "maybe"'],
      [5, 'bad date in created_at: "Tue Oct 32 22:10:47 +0000 2017"'],
      [6, 'tweet_id is not a tweet id: "abc"'],
      [8, 'in_response_to_tweet_id is not a tweet id: "x9"'],
      [9, 'invalid UTF-8'],
      [10, 'broken quoting: a quoted field is never closed'],
    ]);
  });
});

describe('twitter-v2', () => {
  beforeAll(async () => {
    await db.client.insert({
      table: 'brands',
      format: 'JSONEachRow',
      values: ['w-tw', 'w-tw-2', 'w-tw-3'].flatMap((w) => [
        { workspace_id: w, brand: 'acme', name: 'Acme', is_own: true, handles: ['acmehelp'] },
        { workspace_id: w, brand: 'rival', name: 'Rival', is_own: false, handles: ['rivalco'] },
      ]),
    });
  });

  it('loads pages per line: brands by handle, replies, threads, followers and engagement snapshots', async () => {
    const summary = await ingest(db, 'twitter-v2', [fixture('twitter-v2', 'pages.jsonl')], 'w-tw');
    expect(summary).toMatchObject({ status: 'succeeded', read: 9, loaded: 4, rejected: 5 });
    const r = await rows('w-tw');
    expect(r.get('1700000000000000001')).toMatchObject({
      brand: 'acme',
      direction: 'inbound',
      author_handle: 'jo_doe',
      author_followers: 250,
      thread_id: '1700000000000000001',
      first_reply_id: '1700000000000000002',
      first_reply_at: '2024-03-01 09:45:00.000',
    });
    expect(r.get('1700000000000000002')).toMatchObject({
      brand: 'acme',
      direction: 'outbound',
      parent_id: '1700000000000000001',
    });
    // Mentions two brands: the first one named wins.
    expect(r.get('1700000000000000003')!.brand).toBe('rival');
    expect(r.get('1700000000000000010')).toMatchObject({ brand: 'acme', parent_id: '1700000000000000002' });
    const engagement = await query<{
      interaction_id: string;
      likes: number;
      shares: number;
      quotes: number;
      replies: number;
      impressions: string | null;
    }>(
      db,
      "SELECT interaction_id, likes, shares, quotes, replies, impressions FROM engagement FINAL WHERE workspace_id = 'w-tw' ORDER BY interaction_id",
    );
    expect(engagement[0]).toEqual({
      interaction_id: '1700000000000000001',
      likes: 40,
      shares: 12,
      quotes: 2,
      replies: 3,
      impressions: '5000',
    });
    expect(engagement).toHaveLength(4);
    // The latest snapshot is on the post's row too (link pass), so reach needs no join.
    const [post] = await query<{ impressions: string | null; shares: number; quotes: number }>(
      db,
      "SELECT impressions, shares, quotes FROM interactions FINAL WHERE workspace_id = 'w-tw' AND interaction_id = '1700000000000000001'",
    );
    expect(post).toEqual({ impressions: '5000', shares: 12, quotes: 2 });
    expect((await rejectReasons(summary.runId)).map(([line, reason]) => [line, reason.replace(/:.*/, '')])).toEqual([
      [1, 'bad date in created_at'],
      [1, 'no brand of the workspace'],
      [1, 'public_metrics.like_count is not a count'],
      [1, 'tweet without a valid id'],
      [2, 'invalid JSON'],
    ]);
  });

  it('reads a pretty-printed page, and re-loading gives the same figures', async () => {
    const files = [fixture('twitter-v2', 'pages.jsonl'), fixture('twitter-v2', 'page.json')];
    const once = await ingest(db, 'twitter-v2', files, 'w-tw-2');
    expect(once).toMatchObject({ read: 10, loaded: 5, rejected: 5 });
    const first = await figures(db, 'w-tw-2');
    await ingest(db, 'twitter-v2', files, 'w-tw-2');
    expect(await figures(db, 'w-tw-2')).toEqual(first);
    expect(first.interactions).toBe('4');
  });

  it('puts a snapshot that comes in a later run than its post on the post', async () => {
    await ingest(db, 'twitter-v2', [fixture('twitter-v2', 'pages.jsonl')], 'w-tw-3');
    const later = await IngestRun.start(db, 'w-tw-3', 'snapshots', ['later.jsonl']);
    const snapshot = { workspace_id: 'w-tw-3', interaction_id: '1700000000000000001', likes: 50, replies: 4 };
    // An older snapshot than the one loaded with the post changes nothing; a newer one wins.
    await later.addRelated('engagement', { ...snapshot, captured_at: '2020-01-01 00:00:00.000', shares: 1, quotes: 1, impressions: 1 });
    await later.addRelated('engagement', { ...snapshot, captured_at: '2030-01-01 00:00:00.000', shares: 20, quotes: 3, impressions: 9000 });
    await later.finish();
    const posts = await query<{ interaction_id: string; impressions: string | null; shares: number; quotes: number }>(
      db,
      "SELECT interaction_id, impressions, shares, quotes FROM interactions FINAL WHERE workspace_id = 'w-tw-3' AND direction = 'inbound' ORDER BY interaction_id",
    );
    expect(posts[0]).toEqual({ interaction_id: '1700000000000000001', impressions: '9000', shares: 20, quotes: 3 });
    // Posts without a snapshot keep none.
    expect(posts.filter((p) => p.impressions === null && p.shares === 0).length).toBe(posts.length - 3);
  });

  it('refuses a workspace without brands with a clear message', async () => {
    const summary = await ingest(db, 'twitter-v2', [fixture('twitter-v2', 'page.json')], 'w-no-brands');
    expect(summary.status).toBe('failed');
    expect(summary.message).toMatch(/no brands/);
  });
});

describe('zendesk', () => {
  beforeAll(async () => {
    await db.client.insert({
      table: 'brands',
      format: 'JSONEachRow',
      values: [{ workspace_id: 'w-zd', brand: 'acme', name: 'Acme', is_own: true, handles: ['acme'] }],
    });
  });

  it('turns comments into messages: the first public agent comment replies to the first customer message', async () => {
    const summary = await ingest(db, 'zendesk', [fixture('zendesk', 'tickets.json')], 'w-zd');
    expect(summary).toMatchObject({ status: 'succeeded', read: 11, loaded: 9, rejected: 2 });
    const r = await rows('w-zd');
    expect(r.get('zendesk:5001')).toMatchObject({
      brand: 'acme',
      channel: 'email',
      direction: 'inbound',
      is_public: true,
      thread_id: 'zendesk:ticket:101',
      author_kind: 'email',
      author_handle: 'dana@example.com',
      first_reply_id: 'zendesk:5003',
      first_reply_at: '2024-03-04 09:00:00.000',
      csat: 5,
      topics: ['refund', 'billing'],
    });
    // The private note is not a reply.
    expect(r.get('zendesk:5002')).toMatchObject({
      direction: 'outbound',
      is_public: false,
      parent_id: '',
      agent: 'Max',
    });
    // A later question gets the next public reply.
    expect(r.get('zendesk:5004')!.first_reply_id).toBe('zendesk:5006');
    expect(r.get('zendesk:5005')!.first_reply_at).toBeNull();
    // The trigger's auto-reply is counted apart.
    expect(r.get('zendesk:5101')).toMatchObject({
      channel: 'chat',
      first_reply_at: null,
      first_bot_reply_at: '2024-03-05 12:00:05.000',
      author_kind: 'zendesk',
    });
    expect(r.get('zendesk:103-description')).toMatchObject({
      channel: 'phone',
      direction: 'inbound',
      text: 'Caller asked about opening hours',
    });
    expect((await rejectReasons(summary.runId)).map(([, reason]) => reason)).toEqual([
      'bad date in ticket created_at: "yesterday"',
      'comment 1 has no body',
    ]);
  });

  it('reads tickets from NDJSON pages and rejects a truncated page', async () => {
    const summary = await ingest(db, 'zendesk', [fixture('zendesk', 'tickets.ndjson')], 'w-zd-nd');
    expect(summary).toMatchObject({ loaded: 6, rejected: 2 });
    expect((await rejectReasons(summary.runId)).map(([line, reason]) => [line, reason.replace(/:.*/, '')])).toEqual([
      [2, 'invalid JSON'],
      [3, 'ticket id is not a Zendesk id'],
    ]);
  });
});
