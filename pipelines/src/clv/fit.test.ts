import * as fs from 'node:fs';
import * as path from 'node:path';
import { openTestDatabase, toClickHouseTime, type Database } from '@resonance/sql';
import { loadCdnow } from '../sources/cdnow';
import { toJson } from '../cli/commands/fit';
import { expectedPurchases } from './bgnbd';
import { ClvRepository, WORKSPACE_SEGMENT } from './clv-repository';
import { FitError, fitSegments, fitWorkspace, KEPT_RUNS, type WorkspaceFit } from './fit';
import { CDNOW_DIR, readPublishedSummary } from './testing/cdnow-files';

const WORKSPACE = 'cdnow';
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('CLV fit on CDNOW through the pipeline (transactions → SQL summary → fit)', () => {
  let db: Database;
  let fit: WorkspaceFit;

  beforeAll(async () => {
    db = await openTestDatabase();
    const load = await loadCdnow(db, WORKSPACE, path.join(CDNOW_DIR, 'CDNOW_sample.txt'));
    expect(load).toMatchObject({ status: 'succeeded', read: 6919, loaded: 6919, rejected: 0 });
    fit = await fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-09-30', holdoutEnd: '1998-06-30' });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the per-customer summary equals the published one for every customer', async () => {
    const summaries = await new ClvRepository(db).customerSummaries(WORKSPACE, '1997-09-30');
    const published = readPublishedSummary();
    expect(summaries).toHaveLength(published.length);
    const byId = new Map(summaries.map((s) => [s.customerId, s]));
    const mismatches = published.filter((p) => {
      const s = byId.get(p.id);
      return (
        !s ||
        s.frequency !== p.x ||
        (s.recencyDays / 7).toFixed(2) !== p.tx.toFixed(2) ||
        (s.tDays / 7).toFixed(2) !== p.T.toFixed(2) ||
        Math.abs(s.monetaryMean - p.zbar) > 0.005 + 1e-9
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('lands on the published BG/NBD and Gamma-Gamma estimates', () => {
    const workspace = fit.runs[0]!;
    expect(workspace.segment).toBe(WORKSPACE_SEGMENT);
    expect(workspace.customers).toBe(2357);
    const { r, alpha, a, b } = workspace.bgnbd.params;
    expect([r, alpha, a, b].map(sig3)).toEqual([0.243, 4.41, 0.793, 2.43]);
    const { p, q, v } = workspace.gammaGamma.params;
    expect([p, q, v].map(sig3)).toEqual([6.25, 3.74, 15.4]);
    expect(v).toBeCloseTo(15.45, 1);
  });

  it('compares the holdout weeks 40–78 with what happened', () => {
    const holdout = fit.holdout!;
    expect(holdout).toMatchObject({ days: 273, customers: 2357 });
    // Actual: distinct purchase days per customer from 1997-10-01 to 1998-06-30, straight from the file.
    const lines = fs.readFileSync(path.join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').trim().split('\n');
    const days = new Set(
      lines
        .map((line) => line.trim().split(/\s+/))
        .filter(([, , date]) => date! > '19970930' && date! <= '19980630')
        .map(([, id, date]) => `${id} ${date}`),
    );
    expect(holdout.actual).toBe(days.size);
    // Predicted: the model's expectation for 39 weeks from the published summary, outside SQL.
    const params = fit.runs[0]!.bgnbd.params;
    const predicted = readPublishedSummary().reduce((sum, c) => sum + expectedPurchases(params, 39, c.x, c.tx, c.T), 0);
    // The published summary rounds times to 0.01 week: agreement to that precision.
    expect(Math.abs(holdout.predicted - predicted) / predicted).toBeLessThan(1e-3);
    expect(holdout.relativeError).toBeCloseTo((holdout.predicted - holdout.actual) / holdout.actual, 12);
  });

  it('writes the run to model_runs and customer_value', async () => {
    const runs = await db.client
      .query({
        query:
          'SELECT segment, model, parameters, customers, pooled, note FROM model_runs ' +
          'WHERE workspace_id = {w:String} AND run_id = {run:String} ORDER BY segment, model',
        query_params: { w: WORKSPACE, run: fit.runId },
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<{
          segment: string;
          model: string;
          parameters: Record<string, number>;
          customers: number;
          pooled: boolean;
          note: string;
        }>(),
      );
    expect(runs.map((r) => [r.segment, r.model])).toEqual([
      ['', 'bgnbd'],
      ['', 'gamma_gamma'],
      ['*', 'bgnbd'],
      ['*', 'gamma_gamma'],
    ]);
    expect(sig3(runs[2]!.parameters.alpha!)).toBe(4.41);
    expect(runs[3]!.customers).toBe(946);
    expect(runs[0]!.note).toMatch(/only segment/);
    const [values] = await db.client
      .query({
        query:
          'SELECT count() AS n, countIf(p_alive > 0 AND p_alive <= 1) AS valid_alive, ' +
          'countIf(predicted_clv >= 0) AS valid_clv, sum(historical_value) AS history ' +
          'FROM customer_value WHERE workspace_id = {w:String} AND run_id = {run:String}',
        query_params: { w: WORKSPACE, run: fit.runId },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ n: string; valid_alive: string; valid_clv: string; history: number }>());
    expect(values).toMatchObject({ n: '2357', valid_alive: '2357', valid_clv: '2357' });
    // Customer 1 bought for 29.33 + 29.73 + 14.96 by 1997-09-30.
    const [first] = await db.client
      .query({
        query:
          'SELECT historical_value, frequency, expected_purchases, predicted_clv FROM customer_value ' +
          "WHERE workspace_id = {w:String} AND run_id = {run:String} AND customer_id = '1'",
        query_params: { w: WORKSPACE, run: fit.runId },
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<{ historical_value: number; frequency: number; expected_purchases: number; predicted_clv: number }>(),
      );
    expect(first!.historical_value).toBeCloseTo(74.02, 2);
    expect(first!.frequency).toBe(2);
    expect(first!.predicted_clv).toBeGreaterThan(0);
    expect(first!.predicted_clv).toBeLessThan(first!.expected_purchases * 100);
  });

  it('the customer values written in ClickHouse equal the predictions computed in memory', async () => {
    const summaries = await new ClvRepository(db).customerSummaries(WORKSPACE, '1997-09-30');
    const { predictions } = fitSegments(summaries);
    const rows = await db.client
      .query({
        query:
          'SELECT customer_id, p_alive, expected_purchases, expected_avg_value, predicted_clv FROM customer_value ' +
          'WHERE workspace_id = {w:String} AND run_id = {run:String} ORDER BY customer_id',
        query_params: { w: WORKSPACE, run: fit.runId },
        format: 'JSONCompactEachRow',
      })
      .then((r) => r.json<[string, number, number, number, number]>());
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(byId.size).toBe(summaries.length);
    const off = summaries.filter((c, i) => {
      const row = byId.get(c.customerId)!;
      const p = predictions[i]!;
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
      return !(
        close(row[1], p.pAlive) &&
        close(row[2], p.expectedPurchases) &&
        close(row[3], p.expectedAvgValue) &&
        close(row[4], p.predictedClv)
      );
    });
    expect(off).toEqual([]);
  });

  it('fits each segment, pooling one too small to fit, and says so', async () => {
    // Customers 1–1500 'retail', 1501–2300 'online', the last 57 'vip' (too few to fit alone).
    const segmentOf = (id: number) => (id <= 1500 ? 'retail' : id <= 2300 ? 'online' : 'vip');
    await db.client.insert({
      table: 'customers',
      format: 'JSONEachRow',
      values: Array.from({ length: 2357 }, (_, i) => ({
        workspace_id: WORKSPACE,
        customer_id: String(i + 1),
        segment: segmentOf(i + 1),
        first_seen_at: toClickHouseTime(Date.UTC(1997, 0, 1)),
        source: 'test',
        version: 1,
      })),
    });
    const segmented = await fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-09-30' });
    const bySegment = new Map(segmented.runs.map((r) => [r.segment, r]));
    expect([...bySegment.keys()]).toEqual(['*', 'online', 'retail', 'vip']);
    expect(bySegment.get('retail')).toMatchObject({ customers: 1500, pooled: false });
    expect(bySegment.get('online')).toMatchObject({ customers: 800, pooled: false });
    const vip = bySegment.get('vip')!;
    expect(vip).toMatchObject({ customers: 57, pooled: true });
    expect(vip.note).toMatch(/too small/);
    expect(vip.bgnbd.params).toEqual(bySegment.get('*')!.bgnbd.params);
    expect(bySegment.get('retail')!.bgnbd.params.r).not.toBe(bySegment.get('*')!.bgnbd.params.r);
    const json = toJson(segmented);
    expect(json.runs.find((r) => r.segment === 'vip')).toMatchObject({ customers: 57, pooled: true });
    expect(Object.keys(json.runs[0]!.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'logLikelihood', 'r']);
    expect(Object.keys(json.runs[0]!.gammaGamma).sort()).toEqual(['logLikelihood', 'p', 'q', 'v']);
    const [row] = await db.client
      .query({
        query:
          "SELECT pooled, note FROM model_runs WHERE workspace_id = {w:String} AND run_id = {run:String} AND segment = 'vip' AND model = 'bgnbd'",
        query_params: { w: WORKSPACE, run: segmented.runId },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ pooled: boolean; note: string }>());
    expect(row!.pooled).toBe(true);
    expect(row!.note).toMatch(/too small/);
  });

  it('keeps the customer and group rows of the latest runs only, and every run in model_runs', async () => {
    const runsIn = async (table: string) =>
      db.client
        .query({
          query: `SELECT DISTINCT run_id FROM ${table} WHERE workspace_id = {w:String} ORDER BY run_id`,
          query_params: { w: WORKSPACE },
          format: 'JSONEachRow',
        })
        .then((r) => r.json<{ run_id: string }>())
        .then((rows) => rows.map((row) => row.run_id));
    const before = await runsIn('model_runs');
    const fits: WorkspaceFit[] = [];
    for (let i = 0; i < KEPT_RUNS + 1; i++) {
      fits.push(await fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-09-30' }));
    }
    const latest = fits.slice(-KEPT_RUNS).map((f) => f.runId).sort();
    expect(await runsIn('customer_value')).toEqual(latest);
    expect(await runsIn('clv_group_values')).toEqual(latest);
    expect(await runsIn('model_runs')).toHaveLength(before.length + fits.length);
    // The latest run's customers are all there.
    const [row] = await db.client
      .query({
        query: 'SELECT count() AS n FROM customer_value WHERE workspace_id = {w:String} AND run_id = {run:String}',
        query_params: { w: WORKSPACE, run: fits.at(-1)!.runId },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ n: string }>());
    expect(Number(row!.n)).toBe(2357);
    // The deleted rows are gone from the parts too, not only masked (this file's own database).
    const [stored] = await db.client
      .query({
        query: `SELECT
                  (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active AND table = 'customer_value') AS in_parts,
                  (SELECT count() FROM customer_value) AS live`,
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ in_parts: string; live: string }>());
    expect(Number(stored!.in_parts)).toBe(Number(stored!.live));
  });

  it('bad input is a clear error', async () => {
    await expect(fitWorkspace(db, { workspaceId: 'nobody', until: '1997-09-30' })).rejects.toThrow(FitError);
    await expect(fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(
      fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-09-30', holdoutEnd: '1997-01-01' }),
    ).rejects.toThrow(/after the calibration end/);
    await expect(
      fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-09-30', settings: { horizonMonths: 0 } }),
    ).rejects.toThrow(/horizon/);
    // Two customers, no repeat purchases: nothing to fit the spend model on.
    await expect(fitWorkspace(db, { workspaceId: WORKSPACE, until: '1997-01-01' })).rejects.toThrow(/repeat purchases/);
  });
});
