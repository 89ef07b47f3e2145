import { Injectable } from '@nestjs/common';
import { namedQuery, toClickHouseTime, type Database } from '@resonance/sql';
import { InjectDatabase } from '../database/database.module';

/** Rows as ClickHouse returns them: 64-bit integers are strings. */
export interface IngestRunRow {
  run_id: string;
  source: string;
  files: string[];
  status: string;
  started_at: string;
  finished_at: string | null;
  rows_read: string;
  rows_loaded: string;
  rows_rejected: string;
  rows_unscored: string;
  message: string;
}

export interface RejectRow {
  file: string;
  line: string;
  reason: string;
  raw: string;
  rejected_at: string;
}

export interface ModelRunRow {
  run_id: string;
  segment: string;
  model: string;
  parameters: Record<string, number>;
  standard_errors: Record<string, number>;
  log_likelihood: number;
  customers: number;
  pooled: boolean;
  calibration_end: string;
  horizon_months: number;
  monthly_discount: number;
  data_from: string;
  data_to: string;
  fitted_at: string;
  note: string;
}

/** A position in a list sorted by time and then ids, newest first. */
export interface Before {
  at: Date;
  ids: string[];
}

/** After the last possible row: lists sorted newest first start here. */
const END_OF_TIME = new Date(Date.UTC(2300, 0, 1));

/** A named query with its parameters, exactly as sent (snapshot-tested). */
export interface BoundQuery {
  sql: string;
  params: Record<string, unknown>;
}

/** Loads, rejects and model runs (sql/queries/data/*.sql) bound to their parameters, for one workspace. */
export const dataQueries = {
  ingestRuns(workspaceId: string, before: Before | null, limit: number): BoundQuery {
    return {
      sql: namedQuery('data/ingest_runs'),
      params: {
        workspace_id: workspaceId,
        before_at: toClickHouseTime(before?.at ?? END_OF_TIME),
        before_id: before?.ids[0] ?? '',
        limit,
      },
    };
  },

  rejects(workspaceId: string, runId: string, after: { file: string; line: number } | null, limit: number): BoundQuery {
    return {
      sql: namedQuery('data/rejects'),
      params: {
        workspace_id: workspaceId,
        run_id: runId,
        first_page: after === null,
        after_file: after?.file ?? '',
        after_line: after?.line ?? 0,
        limit,
      },
    };
  },

  modelRuns(workspaceId: string, before: Before | null, limit: number): BoundQuery {
    return {
      sql: namedQuery('data/model_runs'),
      params: {
        workspace_id: workspaceId,
        before_at: toClickHouseTime(before?.at ?? END_OF_TIME),
        before_run: before?.ids[0] ?? '',
        before_segment: before?.ids[1] ?? '',
        before_model: before?.ids[2] ?? '',
        limit,
      },
    };
  },
};

/** Runs the data SQL. */
@Injectable()
export class DataRepository {
  constructor(@InjectDatabase() private readonly db: Database) {}

  private async rows<T>({ sql, params }: BoundQuery): Promise<T[]> {
    const result = await this.db.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }

  ingestRuns(workspaceId: string, before: Before | null, limit: number): Promise<IngestRunRow[]> {
    return this.rows(dataQueries.ingestRuns(workspaceId, before, limit));
  }

  rejects(
    workspaceId: string,
    runId: string,
    after: { file: string; line: number } | null,
    limit: number,
  ): Promise<RejectRow[]> {
    return this.rows(dataQueries.rejects(workspaceId, runId, after, limit));
  }

  modelRuns(workspaceId: string, before: Before | null, limit: number): Promise<ModelRunRow[]> {
    return this.rows(dataQueries.modelRuns(workspaceId, before, limit));
  }
}
