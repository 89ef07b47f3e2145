import type { Database } from '@resonance/sql';
import { IngestRun } from '../load/ingest-run';
import { refreshInboundRollup } from '../load/rollups';
import { generateDemo, generateDemoIdentities, type DemoOptions } from './generator';
import { workspaceHasRows, writeWorkspace } from './demo.repository';

export interface DemoWorkspaceOptions {
  /** Default 'demo'. */
  workspaceId?: string;
  /** Default 50 000 (about 500 k interactions and 300 k transactions; everything scales linearly). */
  customers?: number;
  /** Default DEFAULT_DEMO_SEED: the same seed and `now` give the same rows. */
  seed?: number;
  /** End of the generated 18 months; default the current time, so the last day has pending messages. */
  now?: Date;
}

export interface DemoWorkspaceSummary {
  workspaceId: string;
  customers: number;
  interactions: number;
  transactions: number;
  seconds: number;
}

export const DEFAULT_DEMO_SEED = 20_240_601;
export const DEFAULT_DEMO_CUSTOMERS = 50_000;
export const MAX_DEMO_CUSTOMERS = 2_000_000;
const WORKSPACE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The workspace already holds data: the demo never mixes its rows into it. */
export class DemoWorkspaceExistsError extends Error {
  constructor(workspaceId: string) {
    super(`workspace "${workspaceId}" already has data; load the demo into another workspace or an empty data directory`);
    this.name = 'DemoWorkspaceExistsError';
  }
}

/** The options with their defaults, checked: a RangeError says what is wrong. */
export function resolveDemoOptions(options: DemoWorkspaceOptions = {}): DemoOptions {
  const workspaceId = options.workspaceId ?? 'demo';
  const customers = options.customers ?? DEFAULT_DEMO_CUSTOMERS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = options.now ?? new Date();
  if (!WORKSPACE_ID.test(workspaceId)) throw new RangeError(`workspace id "${workspaceId}" must be 1–64 lower-case letters, digits, '-' or '_'`);
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_DEMO_CUSTOMERS) {
    throw new RangeError(`customers must be a whole number from 1 to ${MAX_DEMO_CUSTOMERS}, got ${customers}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date');
  return { workspaceId, customers, seed, now };
}

/**
 * Generates the demo workspace (README.md in this folder) and loads it: the workspace and its
 * brands directly, everything else through one IngestRun per table family, so `ingest_runs`
 * records the loads and the reply link pass runs over the interactions.
 */
export async function loadDemoWorkspace(db: Database, options: DemoWorkspaceOptions = {}): Promise<DemoWorkspaceSummary> {
  const started = Date.now();
  const { workspaceId, customers, seed, now } = resolveDemoOptions(options);
  if (await workspaceHasRows(db, workspaceId)) throw new DemoWorkspaceExistsError(workspaceId);

  const files = [`demo seed=${seed} customers=${customers} now=${now.toISOString()}`];
  // Identities first, in their own run: the messages that name them then resolve on arrival
  // instead of being rewritten by the identity pass of a later run.
  const handles = await IngestRun.start(db, workspaceId, 'demo:identities', files, { rollups: false });
  try {
    for (const rows of generateDemoIdentities({ workspaceId, customers, seed, now })) {
      for (const row of rows) {
        row.version = handles.version;
        await handles.add('identities', asRow(row));
      }
    }
    await handles.finish();
  } catch (error) {
    await handles.fail(error).catch(() => undefined);
    throw error;
  }

  // The inbound rollup is built once, after the workspace row (its calendar) is written below.
  const people = await IngestRun.start(db, workspaceId, 'demo:customers', files, { rollups: false });
  const messages = await IngestRun.start(db, workspaceId, 'demo:interactions', files, { rollups: false });
  // Every insert writes one part per monthly partition it touches, and each batch of generated
  // purchases spans all 37 months: one large batch of these small rows leaves 37 parts, not ~150.
  // (Interactions keep the default batch: larger ones cost more memory than they saved time.)
  const purchases = await IngestRun.start(db, workspaceId, 'demo:transactions', files, { batchRows: 400_000, rollups: false });
  const runs = [people, messages, purchases];
  let loadedCustomers = 0;
  try {
    // rows.identities repeats what the identities run loaded; it is not loaded twice.
    for (const rows of generateDemo({ workspaceId, customers, seed, now })) {
      loadedCustomers += rows.customers.length;
      for (const row of rows.customers) {
        row.version = people.version;
        await people.add('customers', asRow(row));
      }
      for (const row of rows.interactions) {
        row.ingest_run_id = messages.runId;
        row.version = messages.version;
        await messages.add('interactions', asRow(row));
      }
      // A snapshot belongs to a post already counted as read.
      for (const row of rows.engagement) await messages.addRelated('engagement', asRow(row));
      for (const row of rows.transactions) {
        row.ingest_run_id = purchases.runId;
        row.version = purchases.version;
        await purchases.add('transactions', asRow(row));
      }
    }
    for (const run of runs) await run.finish();
  } catch (error) {
    // The runs are recorded as failed; what was inserted stays, as for any failed load.
    for (const run of runs) await run.fail(error).catch(() => undefined);
    throw error;
  }
  // Last: a workspace appears (and `npm start` stops loading it) only once its data is complete;
  // after a failed load, the next attempt stops at the check above with a clear message.
  await writeWorkspace(db, workspaceId, now);
  // Every inbound row is the messages run's (or later), so this builds every day once.
  await refreshInboundRollup(db, workspaceId, {
    sinceVersion: messages.version,
    generation: Date.now() * 1000 + 999,
    customers: false,
  });
  return {
    workspaceId,
    customers: loadedCustomers,
    interactions: messages.loaded,
    transactions: purchases.loaded,
    seconds: (Date.now() - started) / 1000,
  };
}

/** IngestRun takes plain records; the model's row interfaces have no index signature. */
function asRow(row: object): Record<string, unknown> {
  return row as Record<string, unknown>;
}
