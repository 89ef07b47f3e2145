import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../../src/server';

/**
 * A server on a free port over a fresh database, in the directory the test process's embedded
 * ClickHouse already uses (one data directory per process), or on CLICKHOUSE_URL when set.
 */
export async function startTestServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const database = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = process.env.CLICKHOUSE_URL
    ? { ...process.env, CLICKHOUSE_DB: database }
    : { RESONANCE_DATA_DIR: path.join(os.tmpdir(), `resonance-test-${process.pid}`), CLICKHOUSE_DB: database };
  return startServer({ port: 0, env: { ...env, ...extraEnv }, demo: false, quiet: true });
}

export interface GraphQLResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
}

/** POST /graphql the way the dashboard does. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}
