import type { IngestRun } from '../load/ingest-run';
import { BrandDirectory } from '../transforms/brands';
import { readCsv, type CsvRecord } from './csv';
import { InputError, openInput, readTextChunks, type ByteCounter, type InputFile } from './input';
import { readLines, type TextLine } from './lines';
import type { Mapping } from './mapping';

export interface SourceLimits {
  /** Longest text field accepted (characters). */
  maxFieldChars: number;
  /** Longest line accepted (bytes); a JSON page of a twitter-v2 or zendesk export is one line. */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: SourceLimits = { maxFieldChars: 1 << 20, maxLineBytes: 256 << 20 };

/** What a source gets for one load. */
export interface SourceContext {
  run: IngestRun;
  mapping: Mapping;
  limits: SourceLimits;
  /** The workspace's brands (loaded once per run). */
  brands(): Promise<BrandDirectory>;
  /** Input bytes read so far, over every file of the load. */
  progress: ByteCounter;
}

/** One input format: reads a file, validates each row, hands rows and rejects to the run. */
export interface Source {
  name: string;
  summary: string;
  /** Called once before the files, e.g. to register a pass on the run. */
  prepare?(context: SourceContext): Promise<void>;
  loadFile(file: InputFile, context: SourceContext): Promise<void>;
}

export function csvRecords(file: InputFile, context: SourceContext): AsyncGenerator<CsvRecord> {
  const chunks = readTextChunks(openInput(file, context.progress), { maxLineBytes: context.limits.maxLineBytes });
  return readCsv(chunks, {
    delimiter: context.mapping.delimiter,
    maxFieldChars: context.limits.maxFieldChars,
    maxRecordChars: Math.max(4 * context.limits.maxFieldChars, 1 << 20),
  });
}

export function textLines(file: InputFile, context: SourceContext): AsyncGenerator<TextLine> {
  return readLines(readTextChunks(openInput(file, context.progress), { maxLineBytes: context.limits.maxLineBytes }));
}

/** JSON.parse as a result: the value, or the reason it is not JSON. */
export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createContext(
  run: IngestRun,
  mapping: Mapping,
  limits: SourceLimits = DEFAULT_LIMITS,
  progress: ByteCounter = { bytes: 0 },
): SourceContext {
  let brands: Promise<BrandDirectory> | undefined;
  return {
    run,
    mapping,
    limits,
    progress,
    brands: () => (brands ??= BrandDirectory.load(run.db, run.workspaceId)),
  };
}

export interface JsonDocument {
  line: number;
  raw: string;
  value: unknown;
  error: string | null;
}

/**
 * JSON documents of an export file: one per line (NDJSON, as API collectors write pages), or a
 * single pretty-printed document. The single document is read whole, bounded by maxLineBytes,
 * since a JSON value cannot be validated before its end.
 */
export async function* jsonDocuments(file: InputFile, context: SourceContext): AsyncGenerator<JsonDocument> {
  const lines = textLines(file, context);
  const first = await lines.next();
  if (first.done) return;
  const head = first.value;
  const parsedHead = head.error ? null : parseJson(head.text);
  if (parsedHead && 'error' in parsedHead && /^\s*[[{]/.test(head.text)) {
    // Not a document on its own line: the file is one multi-line document.
    const parts = [head.text];
    let size = head.text.length;
    for await (const line of lines) {
      if (line.error) throw new InputError(`${file.name}: line ${line.line}: ${line.error}`);
      size += line.text.length + 1;
      if (size > context.limits.maxLineBytes) {
        throw new InputError(
          `${file.name}: a pretty-printed JSON document larger than ${context.limits.maxLineBytes} bytes; write one JSON document per line`,
        );
      }
      parts.push(line.text);
    }
    const raw = parts.join('\n');
    const parsed = parseJson(raw);
    yield 'error' in parsed
      ? { line: head.line, raw, value: null, error: parsed.error }
      : { line: head.line, raw, value: parsed.value, error: null };
    return;
  }
  const toDocument = (line: TextLine): JsonDocument => {
    if (line.error) return { line: line.line, raw: line.text, value: null, error: line.error };
    const parsed = parseJson(line.text);
    return 'error' in parsed
      ? { line: line.line, raw: line.text, value: null, error: parsed.error }
      : { line: line.line, raw: line.text, value: parsed.value, error: null };
  };
  yield toDocument(head);
  for await (const line of lines) yield toDocument(line);
}
