import type { Database } from '@resonance/sql';
import { inspectInput, type ByteCounter, type InputFile } from '../sources/input';
import { DEFAULT_MAPPING, type Mapping } from '../sources/mapping';
import { createContext, DEFAULT_LIMITS, type Source, type SourceLimits } from '../sources/source';
import { IngestRun, type BatchScorer, type RunSummary } from './ingest-run';

export interface LoadOptions {
  workspaceId: string;
  mapping?: Mapping;
  limits?: SourceLimits;
  scorer?: BatchScorer;
  batchRows?: number;
  /** Rows per reply-link query (see IngestRunOptions). */
  linkRows?: number;
  /** Names to record for the files (the original names of uploaded temporary files); default the paths. */
  names?: string[];
  /** Told about the run as soon as it starts: the CLI's progress bar reads its counts and the bytes read of the total. */
  onStart?: (run: IngestRun, input: { read: ByteCounter; totalBytes: number }) => void;
}

/**
 * One load of one source from several files. Every file is checked for readability first, so a
 * missing file fails the load before anything is written. A file that breaks half-way (a
 * truncated gzip, a header without a required column) fails the run; what it wrote stays under
 * the same stable keys, so a re-run replaces it and never doubles it.
 */
export async function loadFiles(
  db: Database,
  source: Source,
  paths: string[],
  options: LoadOptions,
): Promise<RunSummary> {
  const files: InputFile[] = [];
  for (const [i, p] of paths.entries()) files.push(await inspectInput(p, options.names?.[i] ?? p));
  const run = await IngestRun.start(
    db,
    options.workspaceId,
    source.name,
    files.map((f) => f.name),
    {
      ...(options.scorer ? { scorer: options.scorer } : {}),
      ...(options.batchRows ? { batchRows: options.batchRows } : {}),
      ...(options.linkRows ? { linkRows: options.linkRows } : {}),
    },
  );
  const read: ByteCounter = { bytes: 0 };
  options.onStart?.(run, { read, totalBytes: files.reduce((n, f) => n + f.size, 0) });
  const context = createContext(run, options.mapping ?? DEFAULT_MAPPING, options.limits ?? DEFAULT_LIMITS, read);
  try {
    await source.prepare?.(context);
    for (const file of files) await source.loadFile(file, context);
    return await run.finish();
  } catch (error) {
    return run.fail(error);
  }
}
