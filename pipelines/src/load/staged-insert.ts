import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { namedQuery, type Database } from '@resonance/sql';
import type { IngestRun } from './ingest-run';

/** A batch of staged CSV records being written to its temporary file. */
export interface StagedBatch {
  path: string;
  rows: number;
  /** Characters of the records (the batch is also bounded by size, as the JavaScript path's). */
  chars: number;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** The records of a staged batch that the SQL did not load (their lines), or null for all of them. */
export type HandBack = (batch: StagedBatch, lines: ReadonlySet<number> | null) => Promise<void>;

const STAGED_PREFIX = 'resonance-staged-';
let staleSweep: Promise<void> | undefined;

/**
 * Removes the staged batches a killed load left behind (SIGKILL skips every cleanup): those whose
 * process, named in the file name, is gone. Once per process, before its first batch.
 */
async function removeStaleBatches(): Promise<void> {
  const dir = os.tmpdir();
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^resonance-staged-(\d+)-[0-9a-f-]+\.csv$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await fs.promises.rm(path.join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The message of the throwIf in insert_staged_interactions_*.sql. */
const HAND_BACK = 'resonance: staged records for the JavaScript path';

interface Outcome {
  batch: StagedBatch;
  /** Lines to hand back, null for every record, undefined for none. */
  lines?: ReadonlySet<number> | null;
}

/**
 * Inserts staged interaction batches through sql/queries/load/insert_staged_interactions_*.sql,
 * one insert in flight while the next batch is staged (the engine parses and inserts on its
 * own threads). Embedded, ClickHouse reads the temporary file with file(); a server gets it as
 * the request body through input(). Each batch is first inserted strictly: it fails, having
 * written nothing, when a record is not `ok`; then (embedded) the lines of those records are
 * asked for and the rest inserted, or (server, where input() cannot be queried) every record of
 * the batch is handed back. Handed-back records go through the JavaScript path on the caller's
 * side, before the next batch is submitted, so IngestRun is only ever used by one caller at a time.
 */
export class StagedInteractions {
  private pending: Promise<Outcome> | null = null;
  private readonly db: Database;

  constructor(
    private readonly run: IngestRun,
    /** Query parameters of the fragment (structure, defaults, allow-lists, calling code). */
    private readonly params: Record<string, unknown>,
    private readonly delimiter: string,
    private readonly handBack: HandBack,
  ) {
    this.db = run.db;
  }

  async open(): Promise<StagedBatch> {
    staleSweep ??= removeStaleBatches();
    await staleSweep;
    const file = path.join(os.tmpdir(), `${STAGED_PREFIX}${process.pid}-${randomUUID()}.csv`);
    const handle = await fs.promises.open(file, 'w');
    return {
      path: file,
      rows: 0,
      chars: 0,
      write: async (text) => {
        await handle.write(text);
      },
      close: () => handle.close(),
    };
  }

  /** Starts inserting a batch once the previous one is in and its hand-backs are loaded. */
  async submit(batch: StagedBatch): Promise<void> {
    await batch.close();
    await this.settle();
    if (batch.rows === 0) {
      await fs.promises.rm(batch.path, { force: true });
      return;
    }
    const insert = this.insertBatch(batch);
    // Awaited by settle(); this only keeps an early failure from being reported as unhandled.
    insert.catch(() => undefined);
    this.pending = insert;
  }

  /** Waits for the last insert and its hand-backs. */
  async drain(): Promise<void> {
    await this.settle();
  }

  /** After a failure: removes an unsubmitted batch and waits for the insert in flight, whatever it gives. */
  async abandon(batch: StagedBatch | null): Promise<void> {
    if (batch) {
      await batch.close().catch(() => undefined);
      await fs.promises.rm(batch.path, { force: true });
    }
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      const outcome = await pending.catch(() => null);
      if (outcome) await fs.promises.rm(outcome.batch.path, { force: true });
    }
  }

  private async settle(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const outcome = await pending;
    try {
      if (outcome.lines !== undefined) await this.handBack(outcome.batch, outcome.lines);
    } finally {
      await fs.promises.rm(outcome.batch.path, { force: true });
    }
  }

  private async insertBatch(batch: StagedBatch): Promise<Outcome> {
    try {
      await this.insert(batch, true);
      this.run.addLoaded('interactions', batch.rows);
      return { batch };
    } catch (error) {
      // Anything else that stops the insert (a record ClickHouse would not parse after all, a
      // short write) hands the whole batch back: the JavaScript path loads it or fails the run
      // with its own error, and a strict insert that wrote part of it is rewritten row for row.
      const handBackSome = error instanceof Error && error.message.includes(HAND_BACK);
      if (!handBackSome || this.db.config.mode === 'server') return { batch, lines: null };
    }
    const result = await this.db.client.query({
      query: namedQuery('load/staged_interactions_rejected_lines'),
      query_params: { ...this.params, file: batch.path },
      clickhouse_settings: this.settings(),
      format: 'JSONCompactEachRow',
    });
    const lines = new Set((await result.json<[string]>()).map(([line]) => Number(line)));
    if (lines.size < batch.rows) {
      await this.insert(batch, false);
      this.run.addLoaded('interactions', batch.rows - lines.size);
    }
    return { batch, lines };
  }

  private async insert(batch: StagedBatch, strict: boolean): Promise<void> {
    const params = {
      ...this.params,
      workspace_id: this.run.workspaceId,
      run_id: this.run.runId,
      version: this.run.version,
      strict,
    };
    if (this.db.config.mode === 'server') {
      const result = await this.db.client.exec({
        query: namedQuery('load/insert_staged_interactions_input'),
        query_params: params,
        clickhouse_settings: this.settings(),
        values: fs.createReadStream(batch.path),
      });
      // The response has no rows; read it to the end so the connection is released.
      (result.stream as Readable).resume();
      await finished(result.stream as Readable);
      // The server says how many rows it wrote: a strict insert that wrote fewer lost some.
      const written = Number(result.summary?.written_rows ?? NaN);
      if (strict && Number.isFinite(written) && written !== batch.rows)
        throw new Error(`staged insert wrote ${written} of ${batch.rows} rows`);
      return;
    }
    await this.db.client.command({
      query: namedQuery('load/insert_staged_interactions_file'),
      query_params: { ...params, file: batch.path },
      clickhouse_settings: this.settings(),
    });
  }

  /** How ClickHouse must read the staged CSV to see what readCsv saw. */
  private settings() {
    return {
      format_csv_delimiter: this.delimiter,
      // readCsv keeps spaces around unquoted values; FieldReader trims where the field is trimmed.
      input_format_csv_trim_whitespaces: 0,
      format_csv_allow_single_quotes: 0,
      // Fields the file does not have are the last columns of the structure: read as ''.
      input_format_csv_allow_variable_number_of_columns: 1,
      input_format_csv_detect_header: 0,
      input_format_csv_empty_as_default: 1,
    } as const;
  }
}
