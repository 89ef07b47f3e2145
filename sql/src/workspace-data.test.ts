import { deleteWorkspaceData } from './workspace-data';
import { openTestDatabase } from './testing/test-database';
import type { Database } from './client';

describe('deleteWorkspaceData', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it("removes one workspace's rows from every tenant table and keeps the others'", async () => {
    const customer = (workspace_id: string) => ({ workspace_id, customer_id: 'c1', name: 'n', email: '', segment: 's', lifecycle_stage: '', country: '', first_seen_at: '2026-01-01 00:00:00.000', attributes: {}, source: 't', version: 1 });
    await db.client.insert({ table: 'customers', format: 'JSONEachRow', values: [customer('a'), customer('b')] });
    await db.client.insert({
      table: 'rejects',
      format: 'JSONEachRow',
      values: ['a', 'b'].map((w) => ({ workspace_id: w, run_id: 'r', source: 's', file: 'f', line: 1, reason: 'x', raw: 'y', rejected_at: '2026-01-01 00:00:00.000' })),
    });
    const tables = await deleteWorkspaceData(db, 'a');
    expect(tables).toEqual(expect.arrayContaining(['customers', 'interactions', 'rejects', 'transactions', 'workspaces']));
    const left = await db.client.query({
      query: 'SELECT (SELECT groupArray(workspace_id) FROM customers) AS c, (SELECT groupArray(workspace_id) FROM rejects) AS r',
      format: 'JSONEachRow',
    });
    expect(await left.json()).toEqual([{ c: ['b'], r: ['b'] }]);
  });
});
