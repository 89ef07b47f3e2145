import { refreshInboundRollup } from '@resonance/pipelines';
import {
  CUSTOMER_PURCHASE_ROLLUP_VERSION,
  namedQuery,
  openTestDatabase,
  readInboundCoverage,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
  type TransactionKind,
} from '@resonance/sql';
import { transaction as fixtureTransaction } from '../../test/support/fixture';
import { ValuePopulation } from './dto/value-customer.model';
import { NO_ROLLUP_COVERAGE, ValueRepository } from './value.repository';

// The customer_cohorts rollup (migration 0031): its rebuild rule, and the same cohorts from the
// rollup as from the rows.
const WS = 'cohorts';
const NOW = new Date('2025-04-01T00:00:00Z');
const FEBRUARY_ON: AnalyticsFilter = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-20T15:00:00Z') };
const MARCH: AnalyticsFilter = { from: new Date('2025-03-01T00:00:00Z'), to: NOW };

let db: Database;
let repository: ValueRepository;

function transaction(id: string, customer: string, at: string, version: number, kind: TransactionKind = 'purchase') {
  return fixtureTransaction(WS, { runId: `run-${version}`, version }, id, customer, at, kind, '10');
}

async function load(version: number, rows: ReturnType<typeof transaction>[]): Promise<void> {
  await db.client.insert({ table: 'transactions', format: 'JSONEachRow', values: rows });
  // The load's rollup pass: the days of the transactions written at this version.
  await refreshInboundRollup(db, WS, { sinceVersion: version, generation: version * 1000 });
}

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.client.query({ query, query_params: { workspace_id: WS, ...params }, format: 'JSONEachRow' });
  return result.json<T>();
}

/** customer_cohorts as a reader may see it: customer -> first purchase day. */
async function stored(): Promise<Record<string, string>> {
  const found = await rows<{ customer_id: string; first_day: string }>(
    'SELECT customer_id, toString(first_day) AS first_day FROM customer_cohorts WHERE workspace_id = {workspace_id:String} ORDER BY customer_id',
  );
  return Object.fromEntries(found.map((r) => [r.customer_id, r.first_day]));
}

/** Cohort curves and the cohort customer list, from the rollup and from the rows: both must agree. */
async function cohorts(filter: AnalyticsFilter): Promise<{ curves: unknown[]; customers: string[] }> {
  const run = async (coverage: InboundCoverage) => {
    const curve = repository.buildCohortRetention(WS, filter, NOW, coverage);
    const list = repository.buildCustomerList(WS, filter, ValuePopulation.PURCHASE_COHORTS, null, 100, NOW, coverage);
    return {
      served: curve.params.cp_use_rollup,
      curves: await rows(curve.query, curve.params),
      customers: (await rows<{ customer_id: string }>(list.query, list.params)).map((r) => r.customer_id),
    };
  };
  const hybrid = await run(await readInboundCoverage(db, WS));
  const fromRows = await run(NO_ROLLUP_COVERAGE);
  expect(hybrid.served).toBe(true);
  expect(fromRows.served).toBe(false);
  expect(hybrid.curves).toEqual(fromRows.curves);
  expect(hybrid.customers).toEqual(fromRows.customers);
  return { curves: hybrid.curves, customers: hybrid.customers };
}

beforeAll(async () => {
  db = await openTestDatabase();
  repository = new ValueRepository(db);
});

afterAll(async () => {
  await db?.close();
});

describe('customer_cohorts: first purchase day and purchase days per customer (migration 0031)', () => {
  it('is built by the purchase rollup pass; a refund is not a purchase', async () => {
    await load(1, [
      transaction('t1', 'a', '2025-02-10T10:00:00Z', 1),
      transaction('t2', 'a', '2025-03-05T10:00:00Z', 1),
      transaction('t3', 'b', '2025-03-02T10:00:00Z', 1),
      // c's February refund is no purchase: March cohort.
      transaction('t4', 'c', '2025-02-15T10:00:00Z', 1, 'refund'),
      transaction('t5', 'c', '2025-03-03T10:00:00Z', 1),
      // d: refunds only, no cohort.
      transaction('t6', 'd', '2025-03-04T10:00:00Z', 1, 'refund'),
    ]);
    expect(await stored()).toEqual({ a: '2025-02-10', b: '2025-03-02', c: '2025-03-03' });
    expect(await cohorts(MARCH)).toEqual({
      curves: [{ cohort: '2025-03-01', experience: 'no_contact', k: 0, customers: '2' }],
      customers: ['b', 'c'],
    });
  });

  it('moves a customer to an earlier cohort when a later load brings an earlier purchase, and drops one whose purchase became a refund', async () => {
    await load(2, [
      // b's earlier purchase: February cohort, buying again in March (k = 1).
      transaction('t7', 'b', '2025-02-20T10:00:00Z', 2),
      // c's March purchase reloaded as a refund: c has no purchase left.
      transaction('t5', 'c', '2025-03-03T10:00:00Z', 2, 'refund'),
    ]);
    expect(await stored()).toEqual({ a: '2025-02-10', b: '2025-02-20' });
    // The replaced rows are gone, and so is their list.
    expect(await rows('SELECT * FROM customer_cohorts_superseded WHERE workspace_id = {workspace_id:String}')).toEqual([]);
    expect(await rows('SELECT count() AS n FROM customer_cohorts WHERE workspace_id = {workspace_id:String}')).toEqual([{ n: '2' }]);
    expect(await cohorts(MARCH)).toEqual({ curves: [], customers: [] });
    // From February, to a time inside March 20: a's and b's March purchases are before it.
    expect(await cohorts(FEBRUARY_ON)).toEqual({
      curves: [
        { cohort: '2025-02-01', experience: 'no_contact', k: 0, customers: '2' },
        { cohort: '2025-02-01', experience: 'no_contact', k: 1, customers: '2' },
      ],
      customers: ['a', 'b'],
    });
  });

  it("reads the period's last day and a newer customer from the rows", async () => {
    // Not rolled up: a direct insert after the pass, on the period's last day.
    await db.client.insert({
      table: 'transactions',
      format: 'JSONEachRow',
      values: [transaction('t8', 'e', '2025-03-20T09:00:00Z', 3), transaction('t9', 'a', '2025-03-20T08:00:00Z', 3)],
    });
    const { customers } = await cohorts({ from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-20T15:00:00Z') });
    expect(customers).toEqual(['e']);
  });

  it("shows a pass's rows only once its days are marked, and a killed pass's leftovers never", async () => {
    const before = await cohorts(FEBRUARY_ON);
    // A pass killed after writing its rows, before marking its days: generation 9000.
    const killed = { workspace_id: WS, generation: 9000, days: ['2025-02-20'], first_day: '2025-02-20', last_day: '2025-02-20' };
    for (const step of ['supersede_customer_cohorts', 'build_customer_cohorts']) {
      await db.client.command({ query: namedQuery(`rollup/${step}`), query_params: killed });
    }
    // b's old row is listed as replaced and b has a second row, neither visible yet.
    expect(await rows('SELECT count() AS n FROM customer_cohorts WHERE workspace_id = {workspace_id:String}')).toEqual([{ n: '3' }]);
    expect(await cohorts(FEBRUARY_ON)).toEqual(before);
    // The next pass (a later generation) discards them before it builds.
    await refreshInboundRollup(db, WS, { sinceVersion: 3, generation: 10_000 });
    expect(await rows('SELECT * FROM customer_cohorts_superseded WHERE workspace_id = {workspace_id:String}')).toEqual([]);
    expect(await rows('SELECT count(), uniqExact(customer_id) FROM customer_cohorts WHERE workspace_id = {workspace_id:String}')).toEqual([
      { 'count()': '3', 'uniqExact(customer_id)': '3' },
    ]);
    expect(await stored()).toEqual({ a: '2025-02-10', b: '2025-02-20', e: '2025-03-20' });
    expect(await cohorts(FEBRUARY_ON)).toEqual(before);
  });

  it("swaps a customer's rows at the mark: between the mark and the delete the replaced row is hidden", async () => {
    const before = await cohorts(FEBRUARY_ON);
    // A pass killed after marking its day, before deleting what it replaced: a and e twice.
    const pass = { workspace_id: WS, generation: 11_000, days: ['2025-03-20'], first_day: '2025-03-20', last_day: '2025-03-20' };
    for (const step of ['supersede_customer_cohorts', 'build_customer_cohorts']) {
      await db.client.command({ query: namedQuery(`rollup/${step}`), query_params: pass });
    }
    await db.client.command({
      query: namedQuery('rollup/mark_days'),
      query_params: { ...pass, rollup: 'customer_purchase_daily', built_with: CUSTOMER_PURCHASE_ROLLUP_VERSION },
    });
    expect(await rows('SELECT count() AS n FROM customer_cohorts WHERE workspace_id = {workspace_id:String}')).toEqual([{ n: '5' }]);
    expect(await cohorts(FEBRUARY_ON)).toEqual(before);
  });
});
