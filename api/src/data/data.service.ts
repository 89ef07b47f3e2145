import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { count } from '../common/metrics';
import { DataRepository, type Before, type IngestRunRow, type ModelRunRow, type RejectRow } from './data.repository';
import type { IngestRun, ModelParameter, ModelRun, Reject } from './dto/data.model';
import { decodeCursor, invalidCursor, pageSize, toPage, type Page, type PageArgs } from './pagination';
import { textProblem } from './text-input';
import { apiError, ApiErrorCode } from '../common/domain.exception';

function ingestRun(row: IngestRunRow): IngestRun {
  return {
    id: row.run_id,
    source: row.source,
    files: row.files,
    status: row.status,
    startedAt: fromClickHouseTime(row.started_at),
    finishedAt: row.finished_at === null ? null : fromClickHouseTime(row.finished_at),
    rowsRead: count(row.rows_read),
    rowsLoaded: count(row.rows_loaded),
    rowsRejected: count(row.rows_rejected),
    rowsUnscored: count(row.rows_unscored),
    message: row.message,
  };
}

function reject(row: RejectRow): Reject {
  return {
    file: row.file,
    line: count(row.line),
    reason: row.reason,
    raw: row.raw,
    rejectedAt: fromClickHouseTime(row.rejected_at),
  };
}

function parameters(map: Record<string, number>): ModelParameter[] {
  return Object.entries(map)
    .map(([name, value]) => ({ name, value: Number(value) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function modelRun(row: ModelRunRow): ModelRun {
  return {
    runId: row.run_id,
    segment: row.segment,
    model: row.model,
    parameters: parameters(row.parameters),
    standardErrors: parameters(row.standard_errors),
    logLikelihood: row.log_likelihood,
    customers: row.customers,
    pooled: row.pooled,
    calibrationEnd: fromClickHouseTime(row.calibration_end),
    horizonMonths: row.horizon_months,
    monthlyDiscount: row.monthly_discount,
    dataFrom: fromClickHouseTime(row.data_from),
    dataTo: fromClickHouseTime(row.data_to),
    fittedAt: fromClickHouseTime(row.fitted_at),
    note: row.note,
  };
}

/** A newest-first position from a cursor of [epoch ms, id…]. */
function before(cursor: string | null | undefined, ids: number): Before | null {
  if (!cursor) return null;
  const [at, ...rest] = decodeCursor(cursor, ['number', ...Array<'string'>(ids).fill('string')]);
  const date = new Date(at as number);
  if (Number.isNaN(date.getTime())) throw invalidCursor();
  return { at: date, ids: rest as string[] };
}

const epoch = (text: string) => fromClickHouseTime(text).getTime();

/** The Data page: loads, their rejects, model runs. */
@Injectable()
export class DataService {
  constructor(
    private readonly repository: DataRepository,
    private readonly cache: ResultCache,
  ) {}

  ingestRuns(workspaceId: string, page: PageArgs): Promise<Page<IngestRun>> {
    const position = before(page.after, 1);
    const limit = pageSize(page);
    return this.cache.cached(workspaceId, cacheKey('data/ingest_runs', position, limit), async () => {
      const rows = await this.repository.ingestRuns(workspaceId, position, limit + 1);
      return toPage(rows, limit, ingestRun, (row) => [epoch(row.started_at), row.run_id]);
    });
  }

  rejects(workspaceId: string, runId: string, page: PageArgs): Promise<Page<Reject>> {
    const problem = textProblem(runId, 200);
    if (problem) throw apiError(`The run id ${problem}`, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_RUN_ID' });
    let after = null;
    if (page.after) {
      const [file, line] = decodeCursor(page.after, ['string', 'number']) as [string, number];
      after = { file, line };
    }
    const limit = pageSize(page);
    return this.cache.cached(workspaceId, cacheKey('data/rejects', runId, after, limit), async () => {
      const rows = await this.repository.rejects(workspaceId, runId, after, limit + 1);
      return toPage(rows, limit, reject, (row) => [row.file, count(row.line)]);
    });
  }

  modelRuns(workspaceId: string, page: PageArgs): Promise<Page<ModelRun>> {
    const position = before(page.after, 3);
    const limit = pageSize(page);
    return this.cache.cached(workspaceId, cacheKey('data/model_runs', position, limit), async () => {
      const rows = await this.repository.modelRuns(workspaceId, position, limit + 1);
      return toPage(rows, limit, modelRun, (row) => [epoch(row.fitted_at), row.run_id, row.segment, row.model]);
    });
  }
}
