import { Readable } from 'node:stream';
import { namedQuery, onClusterClause, toClickHouseTime, withFilter, type Database } from '@resonance/sql';
import { BGNBD_PARAMS } from './bgnbd';
import { GAMMA_GAMMA_PARAMS } from './gamma-gamma';
import type { FitSettings, GroupValue, SegmentRun } from './fit';

/** One customer's calibration summary, as clv/customer_summary returns it (times in whole days). */
export interface CustomerSummary {
  customerId: string;
  segment: string;
  frequency: number;
  recencyDays: number;
  tDays: number;
  monetaryMean: number;
  historicalValue: number;
  firstDay: string;
}

type SummaryRow = [string, string, number, number, number, number, number, string];

const INSERT_BATCH = 100_000;

/** The segment label of the workspace-wide fit in `model_runs`. */
export const WORKSPACE_SEGMENT = '*';

/** The tables holding a run's rows besides model_runs (keepLatestRuns). */
const RUN_TABLES = ['customer_value', 'clv_group_values'] as const;

/** The SQL side of the CLV fit: summaries and holdout counts in, model runs and customer values out. */
export class ClvRepository {
  constructor(private readonly db: Database) {}

  async customerSummaries(workspaceId: string, until: string): Promise<CustomerSummary[]> {
    const result = await this.db.client.query({
      query: namedQuery('clv/customer_summary'),
      query_params: { workspace_id: workspaceId, until },
      // Compact rows: a million customers parse noticeably faster without repeated keys.
      format: 'JSONCompactEachRow',
    });
    const rows = await result.json<SummaryRow>();
    return rows.map(
      ([customerId, segment, frequency, recencyDays, tDays, monetaryMean, historicalValue, firstDay]) => ({
        customerId,
        segment,
        frequency: Number(frequency),
        recencyDays: Number(recencyDays),
        tDays: Number(tDays),
        monetaryMean: Number(monetaryMean),
        historicalValue: Number(historicalValue),
        firstDay,
      }),
    );
  }

  /** Repeat purchase days per customer after `until`, up to and including `holdoutEnd`. */
  async holdoutPurchases(workspaceId: string, until: string, holdoutEnd: string): Promise<Map<string, number>> {
    const result = await this.db.client.query({
      query: namedQuery('clv/holdout_purchases'),
      query_params: { workspace_id: workspaceId, until, holdout_end: holdoutEnd },
      format: 'JSONCompactEachRow',
    });
    const rows = await result.json<[string, number]>();
    return new Map(rows.map(([id, purchases]) => [id, Number(purchases)]));
  }

  /**
   * Deletes the customer and group rows of every run of the workspace but its latest `keep`
   * (model_runs keeps every run's parameters). Every reader asks the latest run only; kept whole,
   * customer_value grew by a run at each fit (1 M rows at bench large: 40 M rows, 2.3 GiB, after
   * forty fits) and its merges rewrote all of it. A lightweight delete, then the parts that hold
   * deleted rows rewritten without them (APPLY DELETED MASK), so the space comes back now rather
   * than at a merge that a part this size may not see for long: on that copy, the first call took
   * 2.6 s and 8.1 s (customer_value 2.3 GiB to 177 MiB); at each later fit 1.7-2.8 s, the table
   * staying at three runs (3 M rows, 177 MiB). Returns the runs kept.
   */
  async keepLatestRuns(workspaceId: string, keep: number): Promise<string[]> {
    const result = await this.db.client.query({
      query: namedQuery('clv/latest_runs'),
      query_params: { workspace_id: workspaceId, keep },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ kept: string[]; runs: string }>();
    const kept = row?.kept ?? [];
    if (Number(row?.runs ?? 0) <= kept.length) return kept;
    const onCluster = onClusterClause(this.db);
    for (const table of RUN_TABLES) {
      await this.db.client.command({
        query: `DELETE FROM ${table}${onCluster} WHERE workspace_id = {workspace_id:String} AND run_id NOT IN {kept:Array(String)}`,
        query_params: { workspace_id: workspaceId, kept },
      });
      await this.db.client.command({ query: `ALTER TABLE ${table}${onCluster} APPLY DELETED MASK` });
    }
    return kept;
  }

  /** One run: two `model_runs` rows (BG/NBD, Gamma-Gamma) per segment and one `customer_value` row per customer. */
  async writeRun(run: {
    runId: string;
    workspaceId: string;
    calibrationEnd: string;
    settings: FitSettings;
    runs: readonly SegmentRun[];
    customers: readonly CustomerSummary[];
    groups: readonly GroupValue[];
  }): Promise<void> {
    const fittedAt = toClickHouseTime(Date.now());
    const calibrationEnd = `${run.calibrationEnd} 23:59:59.999`;
    let dataFrom = run.calibrationEnd;
    for (const c of run.customers) if (c.firstDay < dataFrom) dataFrom = c.firstDay;
    const common = {
      workspace_id: run.workspaceId,
      run_id: run.runId,
      calibration_end: calibrationEnd,
      horizon_months: run.settings.horizonMonths,
      monthly_discount: run.settings.monthlyDiscount,
      data_from: `${dataFrom} 00:00:00.000`,
      data_to: calibrationEnd,
      fitted_at: fittedAt,
    };
    const unit = 'time unit: week (7 days)';
    const rows = run.runs.flatMap((r) => [
      {
        ...common,
        segment: r.segment,
        model: 'bgnbd',
        parameters: Object.fromEntries(BGNBD_PARAMS.map((k) => [k, r.bgnbd.params[k]])),
        standard_errors: finite(Object.fromEntries(BGNBD_PARAMS.map((k) => [k, r.bgnbd.standardErrors[k]]))),
        log_likelihood: r.bgnbd.logLikelihood,
        customers: r.customers,
        pooled: r.pooled,
        note: [r.note, unit].filter(Boolean).join('; '),
      },
      {
        ...common,
        segment: r.segment,
        model: 'gamma_gamma',
        parameters: Object.fromEntries(GAMMA_GAMMA_PARAMS.map((k) => [k, r.gammaGamma.params[k]])),
        standard_errors: finite(Object.fromEntries(GAMMA_GAMMA_PARAMS.map((k) => [k, r.gammaGamma.standardErrors[k]]))),
        log_likelihood: r.gammaGamma.logLikelihood,
        customers: r.repeaters,
        pooled: r.pooled,
        note: r.note,
      },
    ]);
    await this.db.client.insert({ table: 'model_runs', values: rows, format: 'JSONEachRow' });
    // The customers' rows are built inside ClickHouse from the summary and these group rows:
    // a million customers share about a hundred thousand (x, t_x, T) groups, and sending rows is
    // the slow part of an embedded insert.
    for (let start = 0; start < run.groups.length; start += INSERT_BATCH) {
      const lines: string[] = [];
      const prefix = `${tsv(run.workspaceId)}\t${tsv(run.runId)}\t`;
      for (const g of run.groups.slice(start, start + INSERT_BATCH)) {
        const numbers = [g.frequency, g.recencyDays, g.tDays, g.pAlive, g.expectedPurchases, g.discountedPurchases];
        lines.push(`${prefix}${tsv(g.segment)}\t${numbers.map(tsvNumber).join('\t')}\n`);
      }
      await this.db.client.insert({
        table: 'clv_group_values',
        columns: GROUP_VALUE_COLUMNS,
        values: Readable.from([Buffer.from(lines.join(''))], { objectMode: false }),
        format: 'TabSeparated',
      });
    }
    const segments = run.runs.filter((r) => r.segment !== WORKSPACE_SEGMENT);
    await this.db.client.command({
      query: withFilter(
        namedQuery('clv/write_customer_value'),
        { sql: namedQuery('clv/customer_summary'), params: {} },
        '/*summary*/',
      ),
      query_params: {
        workspace_id: run.workspaceId,
        run_id: run.runId,
        until: run.calibrationEnd,
        computed_at: fittedAt,
        segments: segments.map((r) => r.segment),
        p: segments.map((r) => r.gammaGamma.params.p),
        q: segments.map((r) => r.gammaGamma.params.q),
        v: segments.map((r) => r.gammaGamma.params.v),
      },
    });
  }
}

const GROUP_VALUE_COLUMNS: [string, ...string[]] = [
  'workspace_id',
  'run_id',
  'segment',
  'frequency',
  'recency_days',
  't_days',
  'p_alive',
  'expected_purchases',
  'discounted_purchases',
];

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A string field of TabSeparated: backslash, tab and line breaks escaped. */
function tsv(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (ch) => TSV_ESCAPES[ch]!);
}

/** ClickHouse reads nan and inf; JavaScript would print NaN and Infinity. */
function tsvNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

/** JSON has no NaN: a standard error that could not be computed is left out of the map. */
function finite(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).filter(([, v]) => Number.isFinite(v)));
}
