import { randomUUID } from 'node:crypto';
import { namedQuery, toClickHouseTime, type Database } from '@resonance/sql';
import { refreshInboundRollup } from './rollups';
import { encodeRows, insertTsv, tableColumns, type LoadTable } from './table-writer';

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
  /** Rows read through the fast path (typed and validated by ClickHouse); the rest went through JavaScript. */
  fastRows?: number;
}

/** A sentiment score for one text, or null with the language it was left unscored in. */
export interface TextScore {
  sentiment: number | null;
  lang: string;
}

/** Scores many texts at once (a worker pool for loads); same order as the input. */
export type BatchScorer = (texts: string[]) => Promise<TextScore[]>;

export interface IngestRunOptions {
  /** Scores interactions that arrive without a sentiment (`sentiment` undefined). Without it they stay unscored. */
  scorer?: BatchScorer;
  /** Rows per insert; large, so ClickHouse makes few parts. */
  batchRows?: number;
  /** Rows of the run the reply-link pass handles per query (memory bound of a very large load). */
  linkRows?: number;
  /**
   * false: finish() leaves the rollups to the caller (refreshInboundRollup), which loads
   * several runs and the workspace settings after them refreshes once (the demo). Default true.
   */
  rollups?: boolean;
}

/** Rows are sent in batches of this many: large enough that ClickHouse makes few parts. */
export const BATCH_ROWS = 100_000;

/**
 * A batch is also sent once its text reaches this many characters: 100 000 rows of long texts
 * made batches of over 50 MB, and a load of a multi-GB file went past 1 GiB of RSS.
 */
export const BATCH_CHARS = 24 << 20;

/**
 * The link pass (load/link_rows.sql) runs in buckets of about this many loaded interactions: in
 * one query over a million rows the embedded engine alone went past 1 GiB of RSS (952 MiB peak
 * for the load-rate bench's 1 M rows; with the combined pass's narrow reads, 930-1,100 MiB for
 * the pass alone against 630-710 MiB in two buckets). Each bucket reads the workspace's rows
 * again, so fewer are cheaper: 1 M rows took 2.8 s of CPU in two buckets against 4.6 s in four
 * of 250 k (the reply links alone, before they were combined with the threads).
 */
export const LINK_ROWS = 500_000;

/**
 * Rows are scored and encoded to text in chunks of this many as they arrive, so row objects die
 * young: holding a whole batch of objects until the insert made the garbage collector the
 * largest cost of a load.
 */
const ENCODE_ROWS = 4096;

interface TableBuffer {
  /** Rows not yet encoded. */
  rows: Record<string, unknown>[];
  /** Encoded chunks of the next insert; scoring (on worker threads) runs while parsing goes on. */
  chunks: Promise<string>[];
  /** Rows in `chunks`. */
  count: number;
  /** Characters of the chunks encoded so far (those still being scored count when they are done). */
  chars: number;
}

/** A pass run by finish() before the link pass, with the version it must write at. */
export type RunPass = (run: IngestRun, version: number) => Promise<void>;

/**
 * One load: it records an `ingest_runs` row, buffers rows and rejects into large batched inserts,
 * and at the end resolves identities and links replies to their parents. Counts always add up:
 * every row read is either loaded or rejected.
 *
 * Versions: rows are written at `version`; the passes of finish() rewrite rows at version + 1,
 * + 2, …, each reading the result of the one before through FINAL. A later run's version is
 * larger, so a re-load replaces what an earlier (or killed) run wrote under the same keys.
 */
export class IngestRun {
  readonly runId = randomUUID();
  /** Version of every row this run writes: later runs win on the same source key. */
  readonly version = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  read = 0;
  loaded = 0;
  rejected = 0;
  unscored = 0;
  /** Rows the fast path loaded (addLoaded). */
  fastRows = 0;
  private readonly started = Date.now();
  private readonly buffers = new Map<InsertTable, TableBuffer>();
  private readonly written = new Map<InsertTable, number>();
  private rejects: Record<string, unknown>[] = [];
  private pending: Promise<unknown> = Promise.resolve();
  private readonly passes: RunPass[] = [];
  /** Rows per insert (options.batchRows, else BATCH_ROWS). */
  readonly batchRows: number;

  private constructor(
    readonly db: Database,
    readonly workspaceId: string,
    readonly source: string,
    readonly files: string[],
    private readonly options: IngestRunOptions,
  ) {
    this.batchRows = options.batchRows ?? BATCH_ROWS;
  }

  static async start(
    db: Database,
    workspaceId: string,
    source: string,
    files: string[],
    options: IngestRunOptions = {},
  ): Promise<IngestRun> {
    const run = new IngestRun(db, workspaceId, source, files, options);
    await run.writeRunRow('running', null, '');
    return run;
  }

  /** Adds a valid row; it counts as read and loaded. Flushes when the batch is full. */
  async add(table: InsertTable, row: Record<string, unknown>): Promise<void> {
    this.read++;
    this.loaded++;
    await this.addRelated(table, row);
  }

  /**
   * Rows a fast path inserted itself (ClickHouse typed them from staged text at this run's
   * version): counted as read, loaded and written, so the counts add up and finish() runs its passes.
   */
  addLoaded(table: InsertTable, rows: number): void {
    this.read += rows;
    this.loaded += rows;
    this.fastRows += rows;
    this.written.set(table, this.rowsWritten(table) + rows);
  }

  /** A row that is not counted as read (a second table fed by the same input row, such as an engagement snapshot). */
  async addRelated(table: InsertTable, row: Record<string, unknown>): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = { rows: [], chunks: [], count: 0, chars: 0 }));
    buffer.rows.push(row);
    if (buffer.rows.length >= ENCODE_ROWS) {
      await this.encodeChunk(table, buffer);
      if (buffer.count >= this.batchRows || buffer.chars >= BATCH_CHARS) await this.flushTable(table);
    }
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

  /** Registers a pass that finish() runs after the rows are in and before replies are linked. */
  beforeLink(pass: RunPass): void {
    this.passes.push(pass);
  }

  /** Rows of a table this run has sent so far. */
  rowsWritten(table: InsertTable): number {
    return this.written.get(table) ?? 0;
  }

  async flush(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flushTable(table);
    await this.flushRejects();
    await this.pending;
  }

  /** Flushes, resolves authors to customers, runs the source's passes, links replies, records the run as succeeded. */
  async finish(message = ''): Promise<RunSummary> {
    await this.flush();
    let version = this.version;
    if (this.rowsWritten('interactions') > 0) {
      await runLoadQuery(this.db, 'load/resolve_run_authors', {
        workspace_id: this.workspaceId,
        run_id: this.runId,
        version: ++version,
      });
    }
    if (this.rowsWritten('identities') > 0) {
      // Identities loaded after the interactions they name: rewrite those interactions, not reload them.
      await runLoadQuery(this.db, 'load/resolve_new_identities', {
        workspace_id: this.workspaceId,
        identities_version: this.version,
        version: ++version,
      });
    }
    for (const pass of this.passes) await pass(this, ++version);
    // The link pass (load/link_rows.sql): reply facts for the inbound rows this run touched (its
    // rows, their parents, the posts of its engagement snapshots; a load without any — customers,
    // identities, transactions — has none) and each message's next one in its thread (sentiment
    // lift) for the threads with a message this load wrote or a pass rewrote (a customer resolved
    // changes whose message follows whose).
    const linked = this.rowsWritten('interactions') + this.rowsWritten('engagement');
    if (linked > 0 || this.rowsWritten('identities') > 0) {
      const buckets = Math.max(1, Math.ceil(linked / (this.options.linkRows ?? LINK_ROWS)));
      await linkRows(this.db, this.workspaceId, this.runId, this.version, version + 1, buckets);
      // Bucket b wrote at version + 1 + b.
      version += buckets;
    }
    // Last, so the days it rebuilds hold the passes' results (replies linked, customers resolved).
    const customers = this.rowsWritten('customers') > 0;
    const rolledUp = linked + this.rowsWritten('identities') + this.rowsWritten('transactions');
    if (this.options.rollups !== false && (rolledUp > 0 || customers)) {
      await refreshInboundRollup(this.db, this.workspaceId, {
        sinceVersion: this.version,
        generation: ++version,
        customers,
      });
    }
    await this.writeRunRow('succeeded', Date.now(), message);
    return this.summary('succeeded', message);
  }

  /** Records the run as failed with the reason; what was inserted stays (a re-run replaces it). */
  async fail(error: unknown): Promise<RunSummary> {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.pending;
    } catch {
      // The insert that failed is the error being reported.
    }
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
      fastRows: this.fastRows,
    };
  }

  /** Scores (interactions) and encodes the buffered rows; the result joins the next insert. */
  private async encodeChunk(table: InsertTable, buffer: TableBuffer): Promise<void> {
    const rows = buffer.rows;
    if (rows.length === 0) return;
    buffer.rows = [];
    buffer.count += rows.length;
    const columns = await tableColumns(this.db, table);
    const scored = table === 'interactions' ? this.score(rows) : Promise.resolve();
    const chunk = scored.then(() => {
      for (const row of rows) {
        row.version ??= this.version;
        // The link pass finds the posts whose snapshots this run loaded by it (load/link_rows).
        if (table === 'engagement') row.ingest_run_id ??= this.runId;
      }
      const text = encodeRows(columns, rows);
      buffer.chars += text.length;
      return text;
    });
    // Awaited by flushTable; this only keeps an early failure from being reported as unhandled.
    chunk.catch(() => undefined);
    buffer.chunks.push(chunk);
  }

  private async flushTable(table: InsertTable): Promise<void> {
    const buffer = this.buffers.get(table);
    if (!buffer) return;
    await this.encodeChunk(table, buffer);
    if (buffer.count === 0) return;
    const chunks = buffer.chunks;
    const count = buffer.count;
    buffer.chunks = [];
    buffer.count = 0;
    const columns = await tableColumns(this.db, table);
    // Rows arrive only after this returns, so every chunk counted in `chars` is one of these.
    const body = await Promise.all(chunks);
    buffer.chars = 0;
    this.written.set(table, this.rowsWritten(table) + count);
    // One insert in flight while the next batch is parsed (the embedded engine works on its own
    // thread); waiting for the previous one first keeps memory bounded.
    await this.pending;
    const insert = insertTsv(this.db, table as LoadTable, columns, body);
    insert.catch(() => undefined);
    this.pending = insert;
  }

  /** Scores interactions that came without a sentiment; counts those left unscored. */
  private async score(rows: Record<string, unknown>[]): Promise<void> {
    const index: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.sentiment !== undefined) continue;
      // A language the source names (Twitter's lang) other than English is not scored as English.
      const foreign = typeof row.lang === 'string' && row.lang !== '' && row.lang !== 'en';
      if (this.options.scorer && !foreign && typeof row.text === 'string' && row.text !== '') {
        index.push(i);
        texts.push(row.text);
      } else row.sentiment = null;
    }
    if (texts.length > 0 && this.options.scorer) {
      const scores = await this.options.scorer(texts);
      for (let k = 0; k < index.length; k++) {
        const row = rows[index[k]!]!;
        const score = scores[k]!;
        row.sentiment = score.sentiment;
        if (!row.lang) row.lang = score.lang;
        if (score.sentiment !== null) row.sentiment_source = 'vader';
      }
    }
    for (const row of rows) if (row.sentiment === null && row.text) this.unscored++;
  }

  private async flushRejects(): Promise<void> {
    if (this.rejects.length === 0) return;
    const rows = this.rejects;
    this.rejects = [];
    const columns = await tableColumns(this.db, 'rejects');
    await insertTsv(this.db, 'rejects', columns, encodeRows(columns, rows));
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

/** Runs one of the load passes in sql/queries/load. */
export async function runLoadQuery(db: Database, name: string, params: Record<string, unknown>): Promise<void> {
  await db.client.command({ query: namedQuery(name), query_params: params });
}

/**
 * Writes the link pass's facts (first replies, engagement, next messages; see the SQL) onto the
 * inbound rows whose facts changed, one bucket per query, bucket b at version + b: the buckets'
 * union is the same as a single query.
 */
export async function linkRows(
  db: Database,
  workspaceId: string,
  runId: string,
  sinceVersion: number,
  version: number,
  buckets = 1,
): Promise<void> {
  for (let bucket = 0; bucket < buckets; bucket++) {
    await runLoadQuery(db, 'load/link_rows', {
      workspace_id: workspaceId,
      run_id: runId,
      since_version: sinceVersion,
      version: version + bucket,
      buckets,
      bucket,
    });
  }
}
