import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import * as fs from 'node:fs';
import type { ClickHouseConfig } from './config';
import { SessionPool } from './session-pool';

/**
 * Settings every session gets. 64-bit integers are quoted in JSON so TypeScript sees them as
 * strings and never loses precision (STYLE.md); DateTime64 values come out in UTC.
 *
 * Embedded, a query's own `clickhouse_settings` outlive it: chDB applies them as SET statements
 * that stay for the rest of the process's session. A setting meant for one query goes in that
 * query's SQL (a SETTINGS clause); the staged insert's CSV settings are passed that way only
 * because every query that reads its CSV passes all of them.
 */
export const SESSION_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 1,
  date_time_output_format: 'simple',
  session_timezone: 'UTC',
};

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

export interface Database {
  client: ClickHouseClient;
  config: ClickHouseConfig;
  /** Closes the client; embedded: also waits until chDB has released the data directory. */
  close(): Promise<void>;
}

/**
 * The one factory for ClickHouse access. Embedded (no CLICKHOUSE_URL): chDB in this process on the
 * data directory, plugged into @clickhouse/client; server: the same client over HTTP. Everything
 * above this function talks to one client API and runs the same SQL on both.
 */
export async function openDatabase(config: ClickHouseConfig): Promise<Database> {
  if (config.mode === 'embedded') {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // Loaded lazily: a server deployment never loads the native library.
    const { createChdbConnection } = require('chdb/connection') as typeof import('chdb/connection');
    const { drainPending } = require('chdb') as typeof import('chdb');
    // chdb ships its own copy of the client-common types; the objects match the contract.
    const sessions = Array.from(
      { length: config.sessions ?? 1 },
      () => createChdbConnection({ path: config.dataDir }) as unknown as ClientConnection,
    );
    // A chDB session ignores the client's `database` option but keeps USE, and the engine is one
    // per process: one embedded database per process, chosen in every session.
    await sessions[0]!.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}` });
    for (const session of sessions) await session.command({ query: `USE ${config.database}` });
    const client = createClient({ connection: new SessionPool(sessions), clickhouse_settings: SESSION_SETTINGS });
    return {
      client,
      config,
      async close() {
        await client.close();
        await drainPending();
      },
    };
  }
  const bootstrap = createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    clickhouse_settings: SESSION_SETTINGS,
  });
  const onCluster = config.cluster ? ` ON CLUSTER ${config.cluster}` : '';
  await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}${onCluster}` });
  await bootstrap.close();
  const client = createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    database: config.database,
    clickhouse_settings: SESSION_SETTINGS,
    request_timeout: 300_000,
  });
  return { client, config, close: () => client.close() };
}
