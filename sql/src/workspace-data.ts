import type { Database } from './client';
import { onClusterClause } from './statements';

/** Tables holding a workspace's rows: every table of the database with a workspace_id column. */
const TENANT_TABLES = `
SELECT table
FROM system.columns
WHERE database = currentDatabase() AND name = 'workspace_id'
  AND table IN (SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree')
ORDER BY table`;

/**
 * Removes every row of one workspace from every tenant table (lightweight deletes). Used to
 * clear what an interrupted demo load left behind, so loading it again cannot double anything.
 * Table names come from system.columns, never from input; the workspace is a query parameter.
 */
export async function deleteWorkspaceData(db: Database, workspaceId: string): Promise<string[]> {
  const result = await db.client.query({ query: TENANT_TABLES, format: 'JSONEachRow' });
  const tables = (await result.json<{ table: string }>()).map((r) => r.table);
  const onCluster = onClusterClause(db);
  for (const table of tables) {
    await db.client.command({
      query: `DELETE FROM ${table}${onCluster} WHERE workspace_id = {workspace_id:String}`,
      query_params: { workspace_id: workspaceId },
    });
  }
  return tables;
}
