import { toClickHouseTime, type Database } from '@resonance/sql';
import { DEMO_BRANDS, DEMO_WORKSPACE } from './world';

/** Whether any customer, interaction or transaction of the workspace exists (a cheap existence check, no FINAL). */
const WORKSPACE_ROWS = `
SELECT
    (SELECT count() FROM customers WHERE workspace_id = {workspace_id:String})
  + (SELECT count() FROM interactions WHERE workspace_id = {workspace_id:String})
  + (SELECT count() FROM transactions WHERE workspace_id = {workspace_id:String}) AS rows`;

export async function workspaceHasRows(db: Database, workspaceId: string): Promise<boolean> {
  const result = await db.client.query({ query: WORKSPACE_ROWS, query_params: { workspace_id: workspaceId }, format: 'JSONEachRow' });
  const [row] = await result.json<{ rows: string }>();
  return Number(row?.rows ?? 0) > 0;
}

/** The workspace row (24 h SLA, the default Mon–Fri 09:00–17:00 calendar) and its three brands. */
export async function writeWorkspace(db: Database, workspaceId: string, now: Date): Promise<void> {
  const version = Date.now();
  await db.client.insert({
    table: 'workspaces',
    format: 'JSONEachRow',
    values: [
      {
        workspace_id: workspaceId,
        name: DEMO_WORKSPACE.name,
        timezone: DEMO_WORKSPACE.timezone,
        currency: DEMO_WORKSPACE.currency,
        sla_hours: DEMO_WORKSPACE.slaHours,
        business_days: [1, 2, 3, 4, 5],
        business_start_minute: 9 * 60,
        business_end_minute: 17 * 60,
        created_at: toClickHouseTime(now),
        version,
      },
    ],
  });
  await db.client.insert({
    table: 'brands',
    format: 'JSONEachRow',
    values: DEMO_BRANDS.map((b) => ({ workspace_id: workspaceId, brand: b.brand, name: b.name, is_own: b.isOwn, handles: b.handles, version })),
  });
}
