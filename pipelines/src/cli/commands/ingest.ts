import { describeClickHouseConfig } from '@resonance/sql';
import type { IngestRun } from '../../load/ingest-run';
import { loadFiles } from '../../load/load-files';
import { Progress } from '../../load/progress';
import { findSource, InputError, readMapping, SOURCES, DEFAULT_MAPPING } from '../../sources';
import { defaultScorer } from '../../transforms/scoring';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database';

const WORKSPACE = /^[A-Za-z0-9_.-]{1,64}$/;

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
    if (!source) throw new UsageError(`unknown source "${sourceName}" (known: ${SOURCES.map((s) => s.name).join(', ')})`);
    if (paths.length === 0) throw new UsageError('name at least one file to load');
    const workspaceId = values.workspace;
    if (typeof workspaceId !== 'string' || !WORKSPACE.test(workspaceId)) {
      throw new UsageError('--workspace <id> is required (letters, digits, _ . -)');
    }
    let mapping = DEFAULT_MAPPING;
    try {
      if (typeof values.mapping === 'string') mapping = readMapping(values.mapping);
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(error.message);
      throw error;
    }
    return withDatabase(async (db) => {
      let progress: Progress | undefined;
      const onStart = (run: IngestRun) => {
        progress = new Progress(`ingest ${source.name}`, () => run.read).start();
      };
      let summary;
      try {
        const batchRows = Number(process.env.RESONANCE_INGEST_BATCH_ROWS) || undefined;
        summary = await loadFiles(db, source, paths, { workspaceId, mapping, scorer: defaultScorer(), onStart, ...(batchRows ? { batchRows } : {}) });
      } catch (error) {
        // A file that cannot be opened fails before the run starts: nothing was written.
        if (error instanceof InputError) {
          process.stderr.write(`resonance ingest: ${error.message}\n`);
          return 1;
        }
        throw error;
      } finally {
        progress?.stop();
      }
      const { runId, read, loaded, rejected, seconds } = summary;
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ runId, source: source.name, read, loaded, rejected, seconds, unscored: summary.unscored, status: summary.status, message: summary.message })}\n`);
      } else {
        process.stdout.write(
          `${source.name} → ${describeClickHouseConfig(db.config)}, workspace ${workspaceId}: ` +
            `${read} read, ${loaded} loaded, ${rejected} rejected, ${summary.unscored} unscored in ${seconds.toFixed(1)} s (run ${runId})\n`,
        );
        if (rejected > 0) process.stdout.write(`rejected rows are in table rejects (run_id = '${runId}')\n`);
      }
      if (summary.status === 'failed') {
        process.stderr.write(`resonance ingest: load failed: ${summary.message}\n`);
        return 1;
      }
      return 0;
    });
  },
};
