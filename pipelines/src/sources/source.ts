import type { IngestRun } from '../load/ingest-run';
import { BrandDirectory } from '../transforms/brands';
import { readCsv, type CsvRecord } from './csv';
import { openInput, readTextChunks, type InputFile } from './input';
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
  const chunks = readTextChunks(openInput(file), { maxLineBytes: context.limits.maxLineBytes });
  return readCsv(chunks, {
    delimiter: context.mapping.delimiter,
    maxFieldChars: context.limits.maxFieldChars,
    maxRecordChars: Math.max(4 * context.limits.maxFieldChars, 1 << 20),
  });
}

export function textLines(file: InputFile, context: SourceContext): AsyncGenerator<TextLine> {
  return readLines(readTextChunks(openInput(file), { maxLineBytes: context.limits.maxLineBytes }));
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

export function createContext(run: IngestRun, mapping: Mapping, limits: SourceLimits = DEFAULT_LIMITS): SourceContext {
  let brands: Promise<BrandDirectory> | undefined;
  return {
    run,
    mapping,
    limits,
    brands: () => (brands ??= BrandDirectory.load(run.db, run.workspaceId)),
  };
}
