import { openTestDatabase, type Database } from '@resonance/sql';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../src/cache/result-cache';
import { SystemClock } from '../src/common/clock';
import { CustomersException } from '../src/customers/customers.exception';
import { containsPattern, CustomersRepository } from '../src/customers/customers.repository';
import { CustomersService } from '../src/customers/customers.service';
import { TimelineEventKind } from '../src/customers/dto/customer.model';
import { loadShop } from './support/shop-fixture';

let db: Database;
let service: CustomersService;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadShop(db);
  // A second workspace with the same ids: nothing of it may show up in shop's answers.
  await loadShop(db, 'other', { mark: 'OTHER', scale: 3 });
  service = new CustomersService(
    new CustomersRepository(db),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

const ids = async (query: string, first = 20) =>
  (await service.search('shop', query, { first })).nodes.map((c) => c.id);

describe('customer search', () => {
  it('matches name, e-mail and handles, case-insensitively', async () => {
    // e-mail zoe@example.com and handle zoe_m; the name is Zoë
    expect(await ids('ZOE')).toEqual(['u1']);
    expect(await ids('zoË')).toEqual(['u1']);
    expect(await ids('example')).toEqual(['u1', 'u3']);
    // a handle asked for with its @
    expect(await ids('@ali_')).toEqual(['u3']);
    expect(await ids('+49151')).toEqual(['u3']);
  });

  it("takes the search text literally: LIKE's wildcards and SQL are just characters", async () => {
    expect(containsPattern('50%_\\')).toBe('%50\\%\\_\\\\%');
    // Unescaped, '%' and '_' would match everyone.
    expect(await ids('%')).toEqual(['u2']);
    expect(await ids('_')).toEqual(['u1', 'u2', 'u3']);
    expect(await ids("'Brien; DROP TABLE customers;--")).toEqual(['u4']);
    expect(await ids("' OR 1=1 --")).toEqual([]);
    expect(await ids('\\')).toEqual([]);
    expect(await ids('OTHER')).toEqual([]);
  });

  it('pages by id with a cursor', async () => {
    const first = await service.search('shop', 'e', { first: 2 });
    expect(first.nodes.map((c) => c.id)).toEqual(['u1', 'u2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await service.search('shop', 'e', { first: 2, after: first.pageInfo.endCursor });
    // u3: ali@example.org; u4: Bob O'Brien … customers
    expect(second.nodes.map((c) => c.id)).toEqual(['u3', 'u4']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('finds a handle where it is now, not where an earlier load put it, and pages past such handles', async () => {
    await loadShop(db, 'moved');
    // zoe_m goes from u1 to u3, as a later identities load would move it; u1 keeps the handle in
    // customer_identities (every version's keys), which the search must not count for u1.
    await db.client.command({
      query: `INSERT INTO identities (workspace_id, kind, handle, customer_id, followers, version)
              SELECT workspace_id, kind, handle, 'u3', followers, version + 1
              FROM identities FINAL WHERE workspace_id = 'moved' AND handle = 'zoe_m'`,
    });
    const moved = async (query: string, first: number) =>
      (await service.search('moved', query, { first })).nodes.map((c) => c.id);
    expect(await moved('zoe_m', 20)).toEqual(['u3']);
    // Pages of one: the first batch of candidates (u1, u3) yields only u3; the next finds none after it.
    const page = await service.search('moved', 'zoe_m', { first: 1 });
    expect(page.nodes.map((c) => c.id)).toEqual(['u3']);
    expect(page.pageInfo.hasNextPage).toBe(false);
    // u1 is still found by its e-mail.
    expect(await moved('zoe', 20)).toEqual(['u1', 'u3']);
    // A name changed by a later load: the earlier name is a candidate still (search_candidates reads
    // every version), and the current row decides. Asked of the repository: the service's answers
    // are cached per data version, which a bare INSERT does not move.
    const repository = new CustomersRepository(db);
    const found = async (query: string) => (await repository.search('moved', query, '', 20)).map((c) => c.customer_id);
    expect(await found('fan')).toEqual(['u2']);
    await db.client.command({
      query: `INSERT INTO customers SELECT * REPLACE ('Renamed' AS name, version + 1 AS version)
              FROM customers FINAL WHERE workspace_id = 'moved' AND customer_id = 'u2'`,
    });
    expect(await found('fan')).toEqual([]);
    expect(await found('renamed')).toEqual(['u2']);
  });

  it.each([
    ['empty', '   '],
    ['NUL', 'a\u0000b'],
    ['a lone surrogate', 'a\uD800b'],
    ['too long', 'x'.repeat(201)],
  ])('refuses a search text that is %s', async (_name, query) => {
    await expect(service.search('shop', query, {})).rejects.toBeInstanceOf(CustomersException);
  });

  it('finds RTL text and emoji without error', async () => {
    expect(await ids('\u202Eשלום')).toEqual([]);
    expect(await ids('🙂')).toEqual([]);
  });
});

describe('customer 360', () => {
  it("shows the customer's handles and value from the latest model run", async () => {
    const u1 = await service.customer('shop', 'u1');
    expect(u1).toMatchObject({ id: 'u1', name: 'Zoë Müller', email: 'zoe@example.com', segment: 'vip' });
    expect(u1!.identities).toEqual([
      { kind: 'email', handle: 'zoe@example.com', followers: null },
      { kind: 'twitter', handle: 'zoe_m', followers: 200 },
    ]);
    // 120 purchase − 20 refund; run-new (fitted after run-old) predicts 321.5
    expect(u1!.value).toEqual({
      transactions: 2,
      historicalValue: 100,
      predictedClv: 321.5,
      pAlive: 0.8,
      expectedPurchases: 2.5,
      modelRunId: 'run-new',
      predictedAt: new Date('2025-03-16T01:00:00Z'),
    });
    // u2 has no transactions and no prediction
    const u2 = await service.customer('shop', 'u2');
    expect(u2!.value).toMatchObject({
      transactions: 0,
      historicalValue: 0,
      predictedClv: null,
      pAlive: null,
      modelRunId: null,
    });
  });

  it("is null for another workspace's or an unknown customer", async () => {
    expect(await service.customer('nobody', 'u1')).toBeNull();
    expect(await service.customer('shop', 'u9')).toBeNull();
  });

  it('lists messages, replies and transactions across channels, newest first, in pages', async () => {
    const all = await service.timeline('shop', 'u1', { first: 100 });
    expect(all.nodes.map((e) => [e.kind, e.id])).toEqual([
      [TimelineEventKind.TRANSACTION, 't2'],
      [TimelineEventKind.MESSAGE, 'a2'],
      [TimelineEventKind.REPLY, 'ar1'],
      [TimelineEventKind.MESSAGE, 'a1'],
      [TimelineEventKind.TRANSACTION, 't1'],
      [TimelineEventKind.MESSAGE, 'a0'],
    ]);
    const a1 = all.nodes.find((e) => e.id === 'a1')!;
    // replied by ann at 10:15: 900 s
    expect(a1).toMatchObject({
      channel: 'twitter',
      isPublic: true,
      sentiment: -0.5,
      firstResponseSeconds: 900,
      text: 'Where is my parcel?',
    });
    expect(all.nodes.find((e) => e.id === 'ar1')).toMatchObject({ author: 'ann', inReplyTo: 'a1', firstReplyAt: null });
    expect(all.nodes.find((e) => e.id === 't2')).toMatchObject({
      transactionKind: 'refund',
      amount: 20,
      currency: 'EUR',
      text: null,
    });
    expect(all.nodes.find((e) => e.id === 'a2')!.firstResponseSeconds).toBeNull();

    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<CustomersService['timeline']>> = await service.timeline('shop', 'u1', {
        first: 4,
        after,
      });
      pages.push(...page.nodes.map((e) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.nodes.map((e) => e.id));
  });

  it('follows a message, a purchase and a handle re-loaded under another customer', async () => {
    // New versions of rows written before (as a re-load writes them): each is found where it is
    // now, not where an earlier version put it (migration 0021 keeps every version's keys).
    const moves = [
      `INSERT INTO interactions SELECT * REPLACE ('u2' AS customer_id, version + 1 AS version)
       FROM interactions FINAL WHERE workspace_id = 'other' AND interaction_id = 'a1'`,
      `INSERT INTO transactions SELECT * REPLACE ('u2' AS customer_id, version + 1 AS version)
       FROM transactions FINAL WHERE workspace_id = 'other' AND transaction_id = 't1'`,
      `INSERT INTO identities (workspace_id, kind, handle, customer_id, followers, version)
       SELECT workspace_id, kind, handle, 'u2', followers, version + 1
       FROM identities FINAL WHERE workspace_id = 'other' AND customer_id = 'u1' AND kind = 'twitter'`,
    ];
    // Asked of the table, not the service: the service's answers are cached per data version.
    const result = await db.client.query({
      query: `SELECT concat(kind, ':', handle) AS h FROM identities FINAL
              WHERE workspace_id = 'other' AND customer_id = 'u1' AND kind = 'twitter'`,
      format: 'JSONEachRow',
    });
    const twitter = (await result.json<{ h: string }>()).map((r) => r.h);
    expect(twitter).toHaveLength(1);
    for (const query of moves) await db.client.command({ query });
    const handles = async (customer: string) =>
      (await service.customer('other', customer))!.identities.map((i) => `${i.kind}:${i.handle}`);
    const u1 = await service.timeline('other', 'u1', { first: 100 });
    expect(u1.nodes.map((e) => e.id)).toEqual(['t2', 'a2', 'a0']);
    // a1's reply goes with it: it is found through its parent.
    const u2 = await service.timeline('other', 'u2', { first: 100 });
    expect(u2.nodes.map((e) => e.id)).toEqual(expect.arrayContaining(['ar1', 'a1', 't1']));
    expect(await handles('u1')).not.toContain(twitter[0]);
    expect(await handles('u2')).toContain(twitter[0]);
    expect((await service.customer('other', 'u1'))!.value.transactions).toBe(1);
  });

  it('shows a bot reply as a reply and its time on the message', async () => {
    const u3 = await service.timeline('shop', 'u3', {});
    expect(u3.nodes.map((e) => e.id)).toEqual(['ab3', 'a3', 't3']);
    expect(u3.nodes[1]).toMatchObject({ firstReplyAt: null, firstBotReplyAt: new Date('2025-03-12T08:00:05Z') });
    expect(u3.nodes[0]).toMatchObject({ kind: TimelineEventKind.REPLY, author: 'bot' });
  });
});
