import * as fs from 'node:fs';
import { CHANNELS, DIRECTIONS, IDENTITY_KINDS, PUBLIC_CHANNELS } from '@resonance/sql';
import { BATCH_CHARS } from '../load/ingest-run';
import { StagedInteractions, type StagedBatch } from '../load/staged-insert';
import { CALLING_CODES } from '../transforms/identity';
import { csvRecordAt, readCsv, scanCsv, type CsvOptions, type CsvRecord, type ScannedRecord } from './csv';
import type { GenericCsvFile, RecordHandler } from './generic';
import { INTERACTION_FIELDS } from './interaction-fields';
import { openInput, readTextChunks, type InputFile } from './input';
import type { SourceContext } from './source';

/**
 * The fast path of the generic interactions source for CSV files (issue 3's load rate). JavaScript
 * only finds the records (scanCsv: quoting, line numbers, invalid UTF-8, over-long lines and
 * fields, column count) and writes each one as it is, after its line number, to a staged CSV
 * batch; ClickHouse parses, types, validates and normalises the batch in SQL
 * (sql/queries/load/staged_interactions_fragment.sql) and inserts it. Every record it cannot
 * take exactly as the JavaScript path would goes through the JavaScript path instead, so the
 * rows and rejects are the same either way:
 *
 * - per file: a mapping with a date format, a delimiter other than , ; | or tab, a default that
 *   is not plain ASCII or is oversized, two fields on one column, or no sentiment for any row
 *   (the rows are scored: that is the JavaScript path with the worker pool);
 * - per record, found by the scanner: anything readCsv reports (broken quoting, invalid UTF-8,
 *   …), a wrong column count, an empty sentiment (scored), a field other than text that is not
 *   ASCII, a CR inside an unquoted field, `\N` (ClickHouse's null);
 * - per record, found by ClickHouse: every record the SQL does not mark `ok` (a bad date, an
 *   unknown channel, but also valid forms it leaves to JavaScript such as an epoch date). A batch
 *   is inserted strictly first; only when it holds such records is it sorted out.
 *
 * RESONANCE_INGEST_FAST=0 turns the fast path off (every file takes the JavaScript path).
 */
export async function loadInteractionsCsvFast(
  file: InputFile,
  context: SourceContext,
  csv: GenericCsvFile,
  slow: RecordHandler,
): Promise<boolean> {
  const { mapping, limits, run } = context;
  if (process.env.RESONANCE_INGEST_FAST === '0' || !mappingAllowsFastPath(context)) return false;
  const options: CsvOptions = {
    delimiter: mapping.delimiter,
    maxFieldChars: limits.maxFieldChars,
    maxRecordChars: Math.max(4 * limits.maxFieldChars, 1 << 20),
  };
  const delimiter = mapping.delimiter;
  const chunks = readTextChunks(openInput(file, context.progress), { maxLineBytes: limits.maxLineBytes });
  let staged = null as StagedInteractions | null;
  // Records for the JavaScript path, built (csvRecordAt) while their chunk is at hand.
  let handBack: CsvRecord[] = [];
  let plan = null as FastPlan | null;
  let headerSeen = false;
  let pieces: string[] = [];
  let piecesChars = 0;
  let batch = null as StagedBatch | null;
  // Per chunk, whether per-record checks are needed at all (most chunks have none of these).
  let checkedChunk = '';
  let chunkHasCr = false;
  let chunkHasNull = false;
  let chunkNotAscii = false;

  const visit = (record: ScannedRecord, text: string): void => {
    if (!headerSeen) {
      headerSeen = true;
      csv.readHeader(csvRecordAt(record, options));
      plan = planFile(csv, context);
      if (plan !== null)
        staged = new StagedInteractions(run, stagedParams(context, plan.structure), delimiter, slowStaged);
      return;
    }
    if (plan === null || !takesRecord(record, text)) {
      handBack.push(csvRecordAt(record, options));
      return;
    }
    pieces.push(`${record.line}${delimiter}${text.slice(record.start, record.rawEnd)}\n`);
    piecesChars += record.rawEnd - record.start;
  };

  const takesRecord = (record: ScannedRecord, text: string): boolean => {
    const p = plan!;
    if (record.suspect || record.fieldCount !== p.columns) return false;
    if (text !== checkedChunk) {
      checkedChunk = text;
      chunkHasCr = text.includes('\r');
      chunkHasNull = text.includes('\\N');
      // UTF-8 takes more bytes than UTF-16 units exactly when a character is not ASCII.
      chunkNotAscii = Buffer.byteLength(text, 'utf8') !== text.length;
    }
    const { start, rawEnd } = record;
    if (chunkHasCr) {
      // ClickHouse ends an unquoted field at a CR; a CR inside quotes (a Windows line break in a
      // text) is read the same by both, but telling the two apart is not worth it here.
      const cr = text.indexOf('\r', start);
      if (cr !== -1 && cr < rawEnd) return false;
    }
    if (chunkHasNull) {
      const at = text.indexOf('\\N', start);
      if (at !== -1 && at < rawEnd) return false;
    }
    const bounds = record.bounds;
    if (chunkNotAscii) {
      for (let f = 0; f < p.columns; f++) {
        if (f === p.textColumn) continue;
        for (let i = bounds[2 * f]!; i < bounds[2 * f + 1]!; i++) if (text.charCodeAt(i) > 0x7f) return false;
      }
    }
    if (p.sentimentColumn >= 0) {
      // No score in the file: the JavaScript path scores the text.
      const from = bounds[2 * p.sentimentColumn]!;
      const to = bounds[2 * p.sentimentColumn + 1]!;
      if (from === to) return p.sentimentDefault;
      let blank = true;
      for (let i = from; i < to && blank; i++) blank = isAsciiSpace(text.charCodeAt(i));
      if (blank) return false;
    }
    return true;
  };

  /** Writes the chunk's staged records to the open batch (opened on the first). */
  const flushPieces = async (): Promise<void> => {
    if (pieces.length === 0 || staged === null) return;
    batch ??= await staged.open();
    const text = pieces.join('');
    batch.rows += pieces.length;
    batch.chars += piecesChars;
    pieces = [];
    piecesChars = 0;
    await batch.write(text);
  };

  const slowRecords = async (records: CsvRecord[]): Promise<void> => {
    for (const record of records) await slow(csv.record(record));
  };

  try {
    // scanCsv yields once per chunk, after visiting its records.
    const scan = scanCsv(chunks, options, visit);
    for (let step = await scan.next(); !step.done; step = await scan.next()) {
      await flushPieces();
      const records = handBack;
      handBack = [];
      await slowRecords(records);
      if (
        staged !== null &&
        batch !== null &&
        (batch.rows >= FAST_BATCH * run.batchRows || batch.chars >= FAST_BATCH * BATCH_CHARS)
      ) {
        const full = batch;
        batch = null;
        await staged.submit(full);
      }
    }
    if (!headerSeen) return false;
    if (staged !== null && batch !== null) {
      const last = batch;
      batch = null;
      await staged.submit(last);
    }
    await staged?.drain();
  } finally {
    await staged?.abandon(batch);
  }
  return true;

  /** The JavaScript path over staged records (those of `lines`, or all): their original fields and raw text. */
  async function slowStaged(from: StagedBatch, lines: ReadonlySet<number> | null): Promise<void> {
    const stagedChunks = readTextChunks(fs.createReadStream(from.path, { highWaterMark: 1 << 20 }), {
      maxLineBytes: Number.MAX_SAFE_INTEGER,
    });
    const stagedOptions: CsvOptions = {
      ...options,
      maxFieldChars: Number.MAX_SAFE_INTEGER,
      maxRecordChars: Number.MAX_SAFE_INTEGER,
    };
    for await (const record of readCsv(stagedChunks, stagedOptions)) {
      const line = Number(record.fields[0]);
      if (lines !== null && !lines.has(line)) continue;
      const prefix = record.fields[0]!.length + 1;
      await slow(csv.record({ line, fields: record.fields.slice(1), raw: record.raw.slice(prefix), error: null }));
    }
  }
}

/**
 * A staged batch holds twice the JavaScript path's rows and characters: it is a file, not objects
 * in memory, and fewer, larger inserts leave the engine fewer parts to merge during the load
 * (load-rate bench, 1 M rows: 7.8–8.8 s of CPU to read and insert them in batches of 200 k against
 * 8.2–11 s in batches of 100 k; peak RSS 695–720 against 605–631 MiB).
 */
const FAST_BATCH = 2;

const NOT_ASCII = /[\u0080-\uffff]/;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Delimiters ClickHouse's CSV reader takes as they are (format_csv_delimiter is one byte). */
const FAST_DELIMITERS = new Set([',', ';', '|', '\t']);

function mappingAllowsFastPath(context: SourceContext): boolean {
  const { mapping, limits } = context;
  if (mapping.dateFormat && mapping.dateFormat !== 'iso') return false;
  if (!FAST_DELIMITERS.has(mapping.delimiter)) return false;
  for (const value of Object.values(mapping.defaults))
    if (NOT_ASCII.test(value) || value.length > limits.maxFieldChars) return false;
  return true;
}

interface FastPlan {
  /** Columns of the file. */
  columns: number;
  textColumn: number;
  /** The sentiment column, or -1 when the file has none (the mapping's default then gives every score). */
  sentimentColumn: number;
  /** Whether an empty sentiment cell takes a default score (else the row is scored in JavaScript). */
  sentimentDefault: boolean;
  /** The staged CSV's structure: line, then the file's columns (c_<field>, or c__<n> when not a field), then absent fields. */
  structure: string;
}

/** How this file's records are staged, or null when the whole file takes the JavaScript path. */
function planFile(csv: GenericCsvFile, context: SourceContext): FastPlan | null {
  const header = csv.header!;
  const index = csv.index;
  const columnField = new Map<number, string>();
  for (const [field, column] of Object.entries(index)) {
    // Two fields on one column (a mapping naming the same header twice): JavaScript reads it twice.
    if (columnField.has(column)) return null;
    columnField.set(column, field);
  }
  const sentimentDefault = (context.mapping.defaults.sentiment ?? '').trim() !== '';
  if (index.sentiment === undefined && !sentimentDefault) return null;
  const names = header.map((_, i) => (columnField.has(i) ? `c_${columnField.get(i)!}` : `c__${i}`));
  const absent = INTERACTION_FIELDS.filter((f) => index[f] === undefined).map((f) => `c_${f}`);
  return {
    columns: header.length,
    textColumn: index.text ?? -1,
    sentimentColumn: index.sentiment ?? -1,
    sentimentDefault,
    structure: ['line UInt64', ...[...names, ...absent].map((n) => `${n} String`)].join(', '),
  };
}

function stagedParams(context: SourceContext, structure: string): Record<string, unknown> {
  const { mapping } = context;
  return {
    structure,
    defaults: mapping.defaults,
    channels: CHANNELS,
    directions: DIRECTIONS,
    identity_kinds: IDENTITY_KINDS,
    public_channels: PUBLIC_CHANNELS,
    calling_code: mapping.defaultCountry ? (CALLING_CODES[mapping.defaultCountry] ?? '') : '',
  };
}
