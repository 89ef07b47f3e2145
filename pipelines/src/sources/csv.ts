import type { TextChunk } from './input';

export interface CsvRecord {
  /** Line the record starts on (1-based; the header is line 1). */
  line: number;
  fields: string[];
  /** The record as it was in the file, without its line end. */
  raw: string;
  /** Why the record cannot be trusted (broken quoting, invalid UTF-8, oversized); fields are then partial. */
  error: string | null;
}

export interface CsvOptions {
  delimiter: string;
  /** A field longer than this (characters) makes the record a reject. */
  maxFieldChars: number;
  /** A record still open after this many characters is a quote that never closes: rejected, reading resumes on its next line. */
  maxRecordChars: number;
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { delimiter: ',', maxFieldChars: 1 << 20, maxRecordChars: 4 << 20 };

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Parsed = { end: number; fields: string[]; error: string | null } | 'incomplete';

/**
 * An RFC 4180 CSV reader written for speed (the parser libraries run at a third of the load
 * target): fields are cut with indexOf and charCode scans over line-aligned text chunks. Every
 * problem becomes an error on its record, never an exception, so one bad row cannot stop a load.
 * Blank lines are skipped.
 */
export async function* readCsv(
  chunks: AsyncIterable<TextChunk>,
  options: CsvOptions = DEFAULT_CSV_OPTIONS,
): AsyncGenerator<CsvRecord> {
  const delimiter = options.delimiter.charCodeAt(0);
  if (options.delimiter.length !== 1) throw new Error('the CSV delimiter must be one character');
  let text = '';
  let line = 1;
  let first = true;
  const badLines = new Set<number>();
  const longLines = new Set<number>();
  const take = function* (final: boolean): Generator<CsvRecord> {
    let pos = 0;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === LF) {
        // An over-long line reaches us as an empty line (see readTextChunks).
        if (longLines.delete(line)) yield { line, fields: [], raw: '', error: 'line longer than the limit' };
        pos++;
        line++;
        continue;
      }
      if (c === CR && text.charCodeAt(pos + 1) === LF) {
        pos += 2;
        line++;
        continue;
      }
      const parsed = parseRecord(text, pos, delimiter, options.maxFieldChars, final);
      if (parsed === 'incomplete') {
        // A quote that never closes would swallow the rest of the file: reject its line and go on
        // (once its line is whole: the last line of a file may come without its newline).
        const nl = text.indexOf('\n', pos);
        if (text.length - pos <= options.maxRecordChars || nl === -1) break;
        yield { line, fields: [], raw: text.slice(pos, nl), error: 'broken quoting: a quoted field is never closed' };
        pos = nl + 1;
        line++;
        continue;
      }
      let rawEnd = parsed.end;
      let lines = 0;
      for (let i = text.indexOf('\n', pos); i !== -1 && i < parsed.end; i = text.indexOf('\n', i + 1)) lines++;
      if (text.charCodeAt(rawEnd - 1) === LF) rawEnd--;
      if (text.charCodeAt(rawEnd - 1) === CR) rawEnd--;
      let error = parsed.error;
      const last = line + Math.max(0, lines - (text.charCodeAt(parsed.end - 1) === LF ? 1 : 0));
      for (let l = line; l <= last; l++) {
        if (longLines.delete(l)) error = `line longer than the limit`;
        else if (badLines.delete(l)) error ??= 'invalid UTF-8';
      }
      yield { line, fields: parsed.fields, raw: text.slice(pos, rawEnd), error };
      line += lines;
      pos = parsed.end;
    }
    text = text.slice(pos);
  };
  for await (const chunk of chunks) {
    if (chunk.badLines) for (const l of chunk.badLines) badLines.add(l);
    if (chunk.longLines) for (const l of chunk.longLines) longLines.add(l);
    let piece = chunk.text;
    if (first) {
      first = false;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    text = text.length ? text + piece : piece;
    yield* take(false);
  }
  if (text.length) yield* take(true);
}

/** One record from `start`: its fields and the index after its line end, or 'incomplete' when the text ends inside it. */
export function parseRecord(text: string, start: number, delimiter: number, maxField: number, final: boolean): Parsed {
  const fields: string[] = [];
  const length = text.length;
  let pos = start;
  let error: string | null = null;
  for (;;) {
    if (pos < length && text.charCodeAt(pos) === QUOTE) {
      let value = '';
      let segment = pos + 1;
      let q: number;
      for (;;) {
        q = text.indexOf('"', segment);
        if (q === -1)
          return final
            ? finishBroken(text, start, fields, 'broken quoting: a quoted field is never closed', final)
            : 'incomplete';
        if (q + 1 >= length && !final) return 'incomplete';
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(segment, q + 1);
          segment = q + 2;
          continue;
        }
        value += text.slice(segment, q);
        break;
      }
      pos = q + 1;
      if (value.length > maxField) error ??= `field ${fields.length + 1} is longer than ${maxField} characters`;
      fields.push(value);
      const next = pos < length ? text.charCodeAt(pos) : -1;
      if (next === delimiter) {
        pos++;
        continue;
      }
      if (next === LF) return { end: pos + 1, fields, error };
      if (next === CR && text.charCodeAt(pos + 1) === LF) return { end: pos + 2, fields, error };
      if (next === -1) return final ? { end: pos, fields, error } : 'incomplete';
      return finishBroken(
        text,
        start,
        fields,
        `broken quoting: text after the closing quote of field ${fields.length}`,
        final,
      );
    }
    let i = pos;
    let c = -1;
    while (i < length) {
      c = text.charCodeAt(i);
      if (c === delimiter || c === LF || c === QUOTE) break;
      i++;
    }
    if (i >= length) {
      if (!final) return 'incomplete';
      c = -1;
    }
    if (c === QUOTE)
      return finishBroken(
        text,
        start,
        fields,
        `broken quoting: a quote inside unquoted field ${fields.length + 1}`,
        final,
      );
    let valueEnd = i;
    if (c === LF && valueEnd > pos && text.charCodeAt(valueEnd - 1) === CR) valueEnd--;
    if (valueEnd - pos > maxField) error ??= `field ${fields.length + 1} is longer than ${maxField} characters`;
    fields.push(text.slice(pos, valueEnd));
    if (c === delimiter) {
      pos = i + 1;
      continue;
    }
    return { end: c === LF ? i + 1 : i, fields, error };
  }
}

/** A record with broken quoting ends at the end of the line it started on: the next line is read afresh. */
function finishBroken(text: string, start: number, fields: string[], error: string, final: boolean): Parsed {
  const nl = text.indexOf('\n', start);
  if (nl === -1 && !final) return 'incomplete';
  return { end: nl === -1 ? text.length : nl + 1, fields, error };
}

/**
 * Where one record lies in the text, as scanCsv sees it without building its fields: the same
 * boundaries, line numbers and errors as readCsv (a test holds the two to that). Reused from
 * record to record, so read it inside the callback only.
 */
export interface ScannedRecord {
  /** The text the positions are in (the scanner's buffer: valid only during the callback). */
  text: string;
  line: number;
  /** First character of the record and the end of its raw text (line end excluded). */
  start: number;
  rawEnd: number;
  /** Index after the record's line end. */
  end: number;
  /** Fields found; field i's content (between its quotes, if quoted) is [bounds[2i], bounds[2i+1]). */
  fieldCount: number;
  bounds: Int32Array;
  /** Longest field content in characters (a doubled quote counted as two: never less than the value). */
  longestField: number;
  /**
   * A problem readCsv reports on this record (broken quoting, invalid UTF-8, an over-long line,
   * an oversized field may be one): build the record with csvRecordAt to get its exact error.
   */
  suspect: boolean;
  /** An error readCsv gives whatever the parse finds (an over-long line, a quote open too long). */
  error: string | null;
  /** The record was yielded by readCsv without parsing it (an over-long line, a quote open too long). */
  unparsed: boolean;
  /** A line of the record was not valid UTF-8 (the error unless the parse finds another). */
  badUtf8: boolean;
  /** Passed to csvRecordAt: whether the text was the end of the input. */
  final: boolean;
}

/**
 * The CsvRecord readCsv would give for a scanned record: fields, raw text and error built by the
 * same functions. For the records a fast path cannot take as they are.
 */
export function csvRecordAt(record: ScannedRecord, options: CsvOptions): CsvRecord {
  const raw = record.text.slice(record.start, record.rawEnd);
  if (record.unparsed) return { line: record.line, fields: [], raw, error: record.error };
  const parsed = parseRecord(
    record.text,
    record.start,
    options.delimiter.charCodeAt(0),
    options.maxFieldChars,
    record.final,
  );
  if (parsed === 'incomplete' || parsed.end !== record.end)
    throw new Error(`csv scanner and parser disagree on the record at line ${record.line}`);
  const error = record.error ?? parsed.error ?? (record.badUtf8 ? 'invalid UTF-8' : null);
  return { line: record.line, fields: parsed.fields, raw, error };
}

/**
 * readCsv without the fields: the same chunks, boundaries and errors, but each record is handed
 * to `visit` as positions in the text (no strings, no arrays), so a caller that passes most
 * records on as they are (the fast load path) pays a few character comparisons per field.
 * Yields after each chunk, so the caller can await its own work between chunks.
 */
export async function* scanCsv(
  chunks: AsyncIterable<TextChunk>,
  options: CsvOptions,
  visit: (record: ScannedRecord, chunk: string) => void,
): AsyncGenerator<void> {
  const delimiter = options.delimiter.charCodeAt(0);
  if (options.delimiter.length !== 1) throw new Error('the CSV delimiter must be one character');
  let text = '';
  let line = 1;
  let first = true;
  const badLines = new Set<number>();
  const longLines = new Set<number>();
  const record: ScannedRecord = {
    text: '',
    line: 0,
    start: 0,
    rawEnd: 0,
    end: 0,
    fieldCount: 0,
    bounds: new Int32Array(64),
    longestField: 0,
    suspect: false,
    error: null,
    unparsed: false,
    badUtf8: false,
    final: false,
  };
  const take = (final: boolean): void => {
    let pos = 0;
    record.text = text;
    record.final = final;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === LF) {
        if (longLines.delete(line)) {
          record.line = line;
          record.start = pos;
          record.rawEnd = pos;
          record.end = pos + 1;
          record.fieldCount = 0;
          record.longestField = 0;
          record.suspect = true;
          record.unparsed = true;
          record.error = 'line longer than the limit';
          visit(record, text);
        }
        pos++;
        line++;
        continue;
      }
      if (c === CR && text.charCodeAt(pos + 1) === LF) {
        pos += 2;
        line++;
        continue;
      }
      const end = scanRecord(text, pos, delimiter, final, record);
      if (end === -1) {
        const nl = text.indexOf('\n', pos);
        if (text.length - pos <= options.maxRecordChars || nl === -1) break;
        record.line = line;
        record.start = pos;
        // readCsv keeps this raw text up to the newline (a CR before it included).
        record.rawEnd = nl;
        record.end = nl + 1;
        record.fieldCount = 0;
        record.suspect = true;
        record.unparsed = true;
        record.error = 'broken quoting: a quoted field is never closed';
        visit(record, text);
        pos = nl + 1;
        line++;
        continue;
      }
      let rawEnd = end;
      let lines = 0;
      for (let i = text.indexOf('\n', pos); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
      if (text.charCodeAt(rawEnd - 1) === LF) rawEnd--;
      if (text.charCodeAt(rawEnd - 1) === CR) rawEnd--;
      record.error = null;
      record.unparsed = false;
      record.badUtf8 = false;
      if (badLines.size > 0 || longLines.size > 0) {
        const last = line + Math.max(0, lines - (text.charCodeAt(end - 1) === LF ? 1 : 0));
        for (let l = line; l <= last; l++) {
          if (longLines.delete(l)) record.error = 'line longer than the limit';
          else if (badLines.delete(l)) record.badUtf8 = true;
        }
        if (record.error !== null || record.badUtf8) record.suspect = true;
      }
      if (record.longestField > options.maxFieldChars) record.suspect = true;
      record.line = line;
      record.start = pos;
      record.rawEnd = rawEnd;
      record.end = end;
      visit(record, text);
      line += lines;
      pos = end;
    }
    text = text.slice(pos);
  };
  for await (const chunk of chunks) {
    if (chunk.badLines) for (const l of chunk.badLines) badLines.add(l);
    if (chunk.longLines) for (const l of chunk.longLines) longLines.add(l);
    let piece = chunk.text;
    if (first) {
      first = false;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    text = text.length ? text + piece : piece;
    take(false);
    yield;
  }
  if (text.length) {
    take(true);
    yield;
  }
}

function pushField(record: ScannedRecord, from: number, to: number, length: number): void {
  let bounds = record.bounds;
  const at = record.fieldCount * 2;
  if (at + 2 > bounds.length) {
    bounds = new Int32Array(bounds.length * 2);
    bounds.set(record.bounds);
    record.bounds = bounds;
  }
  bounds[at] = from;
  bounds[at + 1] = to;
  record.fieldCount++;
  if (length > record.longestField) record.longestField = length;
}

/** Where the broken record from `start` ends (parseRecord's finishBroken), or -1 when incomplete. */
function brokenEnd(text: string, start: number, record: ScannedRecord, final: boolean): number {
  record.suspect = true;
  const nl = text.indexOf('\n', start);
  if (nl === -1 && !final) return -1;
  return nl === -1 ? text.length : nl + 1;
}

/**
 * parseRecord's walk without building values: field bounds into `record`, the end index, or -1
 * when the text ends inside the record. Every branch mirrors parseRecord's.
 */
function scanRecord(text: string, start: number, delimiter: number, final: boolean, record: ScannedRecord): number {
  const length = text.length;
  let pos = start;
  record.fieldCount = 0;
  record.longestField = 0;
  record.suspect = false;
  for (;;) {
    if (pos < length && text.charCodeAt(pos) === QUOTE) {
      const from = pos + 1;
      let segment = from;
      let q: number;
      for (;;) {
        q = text.indexOf('"', segment);
        if (q === -1) return final ? brokenEnd(text, start, record, final) : -1;
        if (q + 1 >= length && !final) return -1;
        if (text.charCodeAt(q + 1) === QUOTE) {
          segment = q + 2;
          continue;
        }
        break;
      }
      pushField(record, from, q, q - from);
      pos = q + 1;
      const next = pos < length ? text.charCodeAt(pos) : -1;
      if (next === delimiter) {
        pos++;
        continue;
      }
      if (next === LF) return pos + 1;
      if (next === CR && text.charCodeAt(pos + 1) === LF) return pos + 2;
      if (next === -1) return final ? pos : -1;
      return brokenEnd(text, start, record, final);
    }
    let i = pos;
    let c = -1;
    while (i < length) {
      c = text.charCodeAt(i);
      if (c === delimiter || c === LF || c === QUOTE) break;
      i++;
    }
    if (i >= length) {
      if (!final) return -1;
      c = -1;
    }
    if (c === QUOTE) return brokenEnd(text, start, record, final);
    let valueEnd = i;
    if (c === LF && valueEnd > pos && text.charCodeAt(valueEnd - 1) === CR) valueEnd--;
    pushField(record, pos, valueEnd, valueEnd - pos);
    if (c === delimiter) {
      pos = i + 1;
      continue;
    }
    return c === LF ? i + 1 : i;
  }
}
