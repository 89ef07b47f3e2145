import { describeClickHouseConfig } from '@resonance/sql';
import type { IngestRun, RunSummary } from '../../load/ingest-run';
import { loadFiles } from '../../load/load-files';
import { Progress } from '../../load/progress';
import { combineSummaries, ingestThroughServer, isDataDirLocked, RemoteIngestError } from '../../load/remote-ingest';
import {
  findSource,
  InputError,
  readMapping,
  SOURCES,
  DEFAULT_MAPPING,
  type Mapping,
  type Source,
} from '../../sources';
import type { ByteCounter } from '../../sources/input';
import { defaultScorer } from '../../transforms/scoring';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database';

const WORKSPACE = /^[A-Za-z0-9_.-]{1,64}$/;

function report(summary: RunSummary, where: string, json: boolean): number {
  const { runId, source, read, loaded, rejected, seconds, unscored, status, message, fastRows } = summary;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ runId, source, read, loaded, rejected, seconds, unscored, status, message, fastRows: fastRows ?? 0 })}\n`,
    );
  else {
    process.stdout.write(
      `${source} → ${where}: ${read} read, ${loaded} loaded, ${rejected} rejected, ${unscored} unscored ` +
        `in ${seconds.toFixed(1)} s (run ${runId}; ${fastRows ?? 0} through the fast path)\n`,
    );
    if (rejected > 0) process.stdout.write(`rejected rows are in table rejects (run_id ${runId})\n`);
  }
  if (status === 'failed') {
    process.stderr.write(`resonance ingest: load failed: ${message}\n`);
    return 1;
  }
  return 0;
}

async function loadLocally(
  source: Source,
  paths: string[],
  workspaceId: string,
  mapping: Mapping,
  json: boolean,
): Promise<number> {
  return withDatabase(async (db) => {
    let progress: Progress | undefined;
    const onStart = (run: IngestRun, input: { read: ByteCounter; totalBytes: number }) => {
      const fraction = () => (input.totalBytes > 0 ? input.read.bytes / input.totalBytes : null);
      progress = new Progress(`ingest ${source.name}`, () => run.read, fraction).start();
    };
    const batchRows = Number(process.env.RESONANCE_INGEST_BATCH_ROWS) || undefined;
    let summary: RunSummary;
    try {
      summary = await loadFiles(db, source, paths, {
        workspaceId,
        mapping,
        scorer: defaultScorer(),
        onStart,
        ...(batchRows ? { batchRows } : {}),
      });
    } finally {
      progress?.stop();
    }
    return report(summary, `${describeClickHouseConfig(db.config)}, workspace ${workspaceId}`, json);
  });
}

async function loadThroughServer(
  serverUrl: string,
  apiKey: string,
  source: Source,
  paths: string[],
  workspaceId: string,
  mapping: Mapping,
  json: boolean,
) {
  const summaries = await ingestThroughServer(paths, {
    serverUrl,
    apiKey,
    source: source.name,
    workspaceId,
    ...(mapping === DEFAULT_MAPPING ? {} : { mapping }),
  });
  return report(combineSummaries(summaries), `server ${serverUrl}, workspace ${workspaceId}`, json);
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: `load files into a workspace (sources: ${SOURCES.map((s) => s.name).join(', ')})`,
  usage: 'ingest <source> <path...> --workspace <id> [--mapping file.json] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    mapping: { type: 'string', short: 'm' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [sourceName, ...paths] = positionals;
    if (!sourceName) throw new UsageError(`name a source: ${SOURCES.map((s) => s.name).join(', ')}`);
    const source = findSource(sourceName);
    if (!source)
      throw new UsageError(`unknown source "${sourceName}" (known: ${SOURCES.map((s) => s.name).join(', ')})`);
    if (paths.length === 0) throw new UsageError('name at least one file to load');
    const workspaceId = values.workspace;
    if (typeof workspaceId !== 'string' || !WORKSPACE.test(workspaceId)) {
      throw new UsageError('--workspace <id> is required (letters, digits, _ . -)');
    }
    const json = values.json === true;
    try {
      const mapping = typeof values.mapping === 'string' ? readMapping(values.mapping) : DEFAULT_MAPPING;
      const serverUrl = process.env.RESONANCE_SERVER_URL?.trim();
      const apiKey = process.env.RESONANCE_API_KEY?.trim();
      if (serverUrl) {
        if (!apiKey)
          throw new UsageError(
            'RESONANCE_SERVER_URL is set: set RESONANCE_API_KEY to an analyst or admin key of the workspace too',
          );
        return await loadThroughServer(serverUrl, apiKey, source, paths, workspaceId, mapping, json);
      }
      try {
        return await loadLocally(source, paths, workspaceId, mapping, json);
      } catch (error) {
        if (!isDataDirLocked(error)) throw error;
        // `npm start` holds the embedded data directory: load through its ingest endpoint instead.
        if (!apiKey) {
          throw new UsageError(
            'the data directory is in use by a running Resonance server (npm start). To load through it, set ' +
              'RESONANCE_API_KEY to an analyst or admin key of the workspace (and RESONANCE_SERVER_URL when it is not ' +
              `http://localhost:${process.env.PORT || 3000}), or stop the server.`,
          );
        }
        return await loadThroughServer(
          `http://localhost:${process.env.PORT || 3000}`,
          apiKey,
          source,
          paths,
          workspaceId,
          mapping,
          json,
        );
      }
    } catch (error) {
      // A file that cannot be opened fails before any run starts: nothing was written.
      if (error instanceof InputError || error instanceof RemoteIngestError) {
        process.stderr.write(`resonance ingest: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
