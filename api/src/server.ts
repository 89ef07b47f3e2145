import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DemoWorkspaceExistsError, fitWorkspace, loadDemoWorkspace } from '@resonance/pipelines';
import { createApiKey, deleteWorkspaceData, describeClickHouseConfig, listApiKeys, namedQuery, type Database } from '@resonance/sql';
import { AppModule, GRAPHQL_PATH } from './app.module';
import { AppConfig } from './config/app-config';
import { assetHeaders, precompressedAssets } from './dashboard/dashboard-assets';
import { dashboardFallback } from './dashboard/dashboard.middleware';
import { openMigratedDatabase } from './database/database.module';

/** The workspace `loadDemoWorkspace` writes by default. */
export const DEMO_WORKSPACE_ID = 'demo';

export interface StartServerOptions {
  /** Overrides PORT; 0 = any free port. */
  port?: number;
  /** The whole environment to configure from (default process.env); see API_VARIABLES. */
  env?: NodeJS.ProcessEnv;
  /** Overrides RESONANCE_DEMO. */
  demo?: boolean;
  /** Overrides RESONANCE_DEMO_CUSTOMERS. */
  demoCustomers?: number;
  /** Errors only in the log (tests). */
  quiet?: boolean;
}

export interface RunningServer {
  /** http://localhost:<port>, no trailing slash. */
  url: string;
  /** The demo workspace's admin key when this start created it; null otherwise (only its hash is stored). */
  apiKey: string | null;
  /** The demo workspace when the demo is on; else the first workspace in the database ('' if none). */
  workspaceId: string;
  app: INestApplication;
  /** The process's one Database; closed by close(). */
  db: Database;
  close(): Promise<void>;
}

async function workspaceIds(db: Database): Promise<string[]> {
  const result = await db.client.query({ query: namedQuery('workspace/list'), format: 'JSONEachRow' });
  return (await result.json<{ workspace_id: string }>()).map((r) => r.workspace_id);
}

/**
 * With the demo on: loads the demo workspace into a database without workspaces, and creates an
 * admin key for it when it has no active key (first run, or a first run that stopped before).
 */
async function prepareDemo(
  db: Database,
  customers: number,
  say: (line: string) => void,
): Promise<{ workspaceId: string; apiKey: string | null }> {
  let workspaces = await workspaceIds(db);
  if (workspaces.length === 0) {
    say(`Loading the demo workspace (${customers.toLocaleString('en-US')} customers)…`);
    let demo;
    try {
      demo = await loadDemoWorkspace(db, { customers });
    } catch (error) {
      if (!(error instanceof DemoWorkspaceExistsError)) throw error;
      // An earlier first start was interrupted mid-load (the workspace row is written last).
      // The demo's rows depend on the time it is generated, so clear them rather than load over.
      say('An earlier demo load did not finish: removing what it wrote and loading it again…');
      await deleteWorkspaceData(db, DEMO_WORKSPACE_ID);
      demo = await loadDemoWorkspace(db, { customers });
    }
    say(
      `Demo workspace "${demo.workspaceId}": ${demo.customers.toLocaleString('en-US')} customers, ` +
        `${demo.interactions.toLocaleString('en-US')} interactions, ${demo.transactions.toLocaleString('en-US')} transactions ` +
        `in ${demo.seconds.toFixed(1)} s`,
    );
    workspaces = [demo.workspaceId];
    // The Value pages need CLV from the start: fit the demo's models on everything up to today.
    // A failed fit leaves the dashboard without CLV figures, not without a server.
    try {
      const fit = await fitWorkspace(db, {
        workspaceId: demo.workspaceId,
        until: new Date().toISOString().slice(0, 10),
      });
      say(`CLV models fitted: ${fit.runs.length} segment run(s) for ${fit.customers.toLocaleString('en-US')} customers`);
    } catch (error) {
      say(`CLV fit of the demo failed (${(error as Error).message}); run \`resonance fit --workspace demo\` later`);
    }
  }
  const workspaceId = workspaces.includes(DEMO_WORKSPACE_ID) ? DEMO_WORKSPACE_ID : workspaces[0]!;
  if (workspaceId !== DEMO_WORKSPACE_ID) return { workspaceId, apiKey: null };
  const active = (await listApiKeys(db, workspaceId)).filter((k) => k.revokedAt === null);
  if (active.length > 0) return { workspaceId, apiKey: null };
  const { secret } = await createApiKey(db, { workspaceId, role: 'admin', name: 'demo admin (created by npm start)' });
  return { workspaceId, apiKey: secret };
}

/**
 * Boots the whole product in this process: configuration, the database (migrated), the demo
 * workspace when asked for, GraphQL at /graphql and the dashboard at /. Used by main.ts and tests.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = AppConfig.fromEnv(options.env ?? process.env);
  const demo = options.demo ?? config.demo;
  const port = options.port ?? config.port;
  // Nest's own start-up chatter is noise to a user; warnings and errors are not.
  const levels: LogLevel[] = options.quiet ? ['error'] : ['warn', 'error'];
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  say(`Database: ${describeClickHouseConfig(config.clickhouse)}`);
  const db = await openMigratedDatabase(config.clickhouse);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db), {
      logger: levels,
      // Errors go to the caller, never process.exit.
      abortOnError: false,
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  try {
    const { workspaceId, apiKey } = demo
      ? await prepareDemo(db, options.demoCustomers ?? config.demoCustomers, say)
      : { workspaceId: (await workspaceIds(db))[0] ?? '', apiKey: null };
    app.use(precompressedAssets(config.webDist));
    app.useStaticAssets(config.webDist, { index: false, fallthrough: true, setHeaders: assetHeaders(config.webDist) });
    app.use(dashboardFallback(config.webDist, GRAPHQL_PATH));
    await app.listen(port);
    const { port: bound } = app.getHttpServer().address() as AddressInfo;
    return { url: `http://localhost:${bound}`, apiKey, workspaceId, app, db, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
