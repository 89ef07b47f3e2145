import { randomUUID } from 'node:crypto';
import { namedQuery, toClickHouseTime, type Database } from '@resonance/sql';

export type InsertTable = 'interactions' | 'customers' | 'identities' | 'transactions' | 'engagement';

export interface RunSummary {
  runId: string;
  source: string;
  read: number;
  loaded: number;
  rejected: number;
  unscored: number;
  seconds: number;
  status: 'succeeded' | 'failed';
  message: string;
}

/** Rows are sent in batches of this many: large enough that ClickHouse makes few parts. */
export const BATCH_ROWS = 100_000;

/**
 * One load: it records an `ingest_runs` row, buffers rows and rejects into large batched inserts,
 * and at the end links replies to their parents. Counts always add up: every row read is either
 * loaded or rejected.
 */
export class IngestRun {
  readonly runId = randomUUID();
  /** Version of every row this run writes: later runs win on the same source key. */
  readonly version = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  read = 0;
  loaded = 0;
  rejected = 0;
  unscored = 0;
  private readonly started = Date.now();
  private readonly buffers = new Map<InsertTable, Record<string, unknown>[]>();
  private rejects: Record<string, unknown>[] = [];
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly db: Database,
    readonly workspaceId: string,
    readonly source: string,
    readonly files: string[],
  ) {}

  static async start(db: Database, workspaceId: string, source: string, files: string[]): Promise<IngestRun> {
    const run = new IngestRun(db, workspaceId, source, files);
    await run.writeRunRow('running', null, '');
    return run;
  }

  /** Adds a valid row; it counts as read and loaded. Flushes when the batch is full. */
  async add(table: InsertTable, row: Record<string, unknown>): Promise<void> {
    this.read++;
    this.loaded++;
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = []));
    buffer.push(row);
    if (buffer.length >= BATCH_ROWS) await this.flushTable(table);
  }

  /** A row that is not counted as read (a second table fed by the same input row, such as an engagement snapshot). */
  async addRelated(table: InsertTable, row: Record<string, unknown>): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = []));
    buffer.push(row);
    if (buffer.length >= BATCH_ROWS) await this.flushTable(table);
  }

  /** A row that failed validation: kept in `rejects` with its place and reason, never stops the load. */
  async reject(file: string, line: number, reason: string, raw: string): Promise<void> {
    this.read++;
    this.rejected++;
    this.rejects.push({
      workspace_id: this.workspaceId,
      run_id: this.runId,
      source: this.source,
      file,
      line,
      reason,
      // Raw rows are kept for inspection, bounded so one absurd row cannot bloat the table.
      raw: raw.length > 65_536 ? `${raw.slice(0, 65_536)}…` : raw,
      rejected_at: toClickHouseTime(Date.now()),
    });
    if (this.rejects.length >= 10_000) await this.flushRejects();
  }

  async flush(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flushTable(table);
    await this.flushRejects();
    await this.pending;
  }

  /** Flushes, links replies, and records the run as succeeded. */
  async finish(message = ''): Promise<RunSummary> {
    await this.flush();
    await linkReplies(this.db, this.workspaceId, this.runId, this.version + 1);
    await this.writeRunRow('succeeded', Date.now(), message);
    return this.summary('succeeded', message);
  }

  /** Records the run as failed with the reason; what was inserted stays (a re-run replaces it). */
  async fail(error: unknown): Promise<RunSummary> {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.flushRejects();
    } catch {
      // The run row below is what matters; a reject lost here is reported by the message.
    }
    await this.writeRunRow('failed', Date.now(), message);
    return this.summary('failed', message);
  }

  summary(status: RunSummary['status'], message: string): RunSummary {
    return {
      runId: this.runId,
      source: this.source,
      read: this.read,
      loaded: this.loaded,
      rejected: this.rejected,
      unscored: this.unscored,
      seconds: (Date.now() - this.started) / 1000,
      status,
      message,
    };
  }

  private async flushTable(table: InsertTable): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    this.buffers.set(table, []);
    // One insert in flight while the next batch is parsed; the await keeps memory bounded.
    await this.pending;
    this.pending = this.db.client.insert({ table, values: rows, format: 'JSONEachRow' });
    await this.pending;
  }

  private async flushRejects(): Promise<void> {
    if (this.rejects.length === 0) return;
    const rows = this.rejects;
    this.rejects = [];
    await this.db.client.insert({ table: 'rejects', values: rows, format: 'JSONEachRow' });
  }

  private async writeRunRow(status: string, finishedAt: number | null, message: string): Promise<void> {
    await this.db.client.insert({
      table: 'ingest_runs',
      format: 'JSONEachRow',
      values: [
        {
          workspace_id: this.workspaceId,
          run_id: this.runId,
          source: this.source,
          files: this.files,
          status,
          started_at: toClickHouseTime(this.started),
          finished_at: finishedAt === null ? null : toClickHouseTime(finishedAt),
          rows_read: this.read,
          rows_loaded: this.loaded,
          rows_rejected: this.rejected,
          rows_unscored: this.unscored,
          message,
          version: Date.now() * 1000 + (status === 'running' ? 0 : 1),
        },
      ],
    });
  }
}

/** Writes first-reply facts onto the inbound rows this run touched (see the SQL for the rule). */
export async function linkReplies(db: Database, workspaceId: string, runId: string, version: number): Promise<void> {
  await db.client.command({
    query: namedQuery('load/link_replies'),
    query_params: { workspace_id: workspaceId, run_id: runId, version },
  });
}
