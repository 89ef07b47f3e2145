import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { Mapping } from '../sources/mapping';
import { inspectInput } from '../sources/input';
import type { RunSummary } from './ingest-run';

/** The embedded data directory is held by another process (chDB refuses a second opener). */
export function isDataDirLocked(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'CHDB_CONNECTION';
}

export interface RemoteIngestOptions {
  serverUrl: string;
  apiKey: string;
  source: string;
  workspaceId: string;
  mapping?: Mapping;
}

export class RemoteIngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteIngestError';
  }
}

/**
 * Loads files through a running server's ingest endpoint (POST /api/ingest/<source>), one request
 * per file, streaming each file's bytes (gzip as is). The server owns the embedded data directory
 * while it runs, so this is how the CLI loads then. Each file is one run on the server.
 */
export async function ingestThroughServer(paths: string[], options: RemoteIngestOptions): Promise<RunSummary[]> {
  for (const p of paths) await inspectInput(p);
  const summaries: RunSummary[] = [];
  for (const p of paths) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.apiKey}`,
      'content-type': 'application/octet-stream',
      'x-resonance-file': encodeURIComponent(path.basename(p)),
      'x-resonance-workspace': options.workspaceId,
    };
    if (options.mapping) headers['x-resonance-mapping'] = encodeURIComponent(JSON.stringify(options.mapping));
    const url = `${options.serverUrl.replace(/\/+$/, '')}/api/ingest/${encodeURIComponent(options.source)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: Readable.toWeb(fs.createReadStream(p)) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
    } catch (error) {
      throw new RemoteIngestError(`cannot reach the server at ${options.serverUrl}: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as (RunSummary & { errors?: { message: string }[] }) | null;
    if (!body || (!response.ok && !body.runId)) {
      const message = body?.errors?.[0]?.message ?? `HTTP ${response.status}`;
      throw new RemoteIngestError(`the server refused ${p}: ${message}`);
    }
    summaries.push(body);
    if (body.status === 'failed') break;
  }
  return summaries;
}

/** One summary for several runs (one per file): counts summed, run ids joined. */
export function combineSummaries(summaries: RunSummary[]): RunSummary {
  const first = summaries[0];
  if (!first) throw new Error('no runs to combine');
  const failed = summaries.find((s) => s.status === 'failed');
  return {
    runId: summaries.map((s) => s.runId).join(','),
    source: first.source,
    read: summaries.reduce((n, s) => n + s.read, 0),
    loaded: summaries.reduce((n, s) => n + s.loaded, 0),
    rejected: summaries.reduce((n, s) => n + s.rejected, 0),
    unscored: summaries.reduce((n, s) => n + s.unscored, 0),
    seconds: summaries.reduce((n, s) => n + s.seconds, 0),
    status: failed ? 'failed' : 'succeeded',
    message: failed?.message ?? '',
    fastRows: summaries.reduce((n, s) => n + (s.fastRows ?? 0), 0),
  };
}
