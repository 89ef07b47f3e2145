import { randomUUID } from 'node:crypto';
import type { Database } from '@resonance/sql';
import { fitBgNbd, expectedPurchases, probabilityAlive, type BgNbdParams, type ModelFit } from './bgnbd';
import { ClvRepository, WORKSPACE_SEGMENT, type CustomerSummary } from './clv-repository';
import {
  DAYS_PER_MONTH,
  DEFAULT_HORIZON_MONTHS,
  DEFAULT_MONTHLY_DISCOUNT,
  discountedPurchases,
  type ClvOptions,
} from './clv';
import { expectedAverageValue, fitGammaGamma, spendData, type GammaGammaParams } from './gamma-gamma';
import { groupRfm, type GroupedRfm } from './rfm';

/** The summary is in days; the models are fitted in weeks so parameters compare with the literature. */
export const DAYS_PER_MODEL_UNIT = 7;

export interface FitSettings {
  horizonMonths: number;
  monthlyDiscount: number;
  /** L2 penalty of both models (0: plain maximum likelihood). */
  penalty: number;
  /** Below either threshold a segment is pooled with the workspace. */
  minSegmentCustomers: number;
  minSegmentRepeaters: number;
}

export const DEFAULT_FIT_SETTINGS: FitSettings = {
  horizonMonths: DEFAULT_HORIZON_MONTHS,
  monthlyDiscount: DEFAULT_MONTHLY_DISCOUNT,
  penalty: 0,
  minSegmentCustomers: 200,
  minSegmentRepeaters: 30,
};

export interface SegmentRun {
  segment: string;
  customers: number;
  /** Customers with repeat purchases of positive value: the Gamma-Gamma sample. */
  repeaters: number;
  /** True when the segment uses the workspace-wide fit. */
  pooled: boolean;
  note: string;
  bgnbd: ModelFit<BgNbdParams>;
  gammaGamma: ModelFit<GammaGammaParams>;
}

export interface CustomerPrediction {
  pAlive: number;
  expectedPurchases: number;
  expectedAvgValue: number;
  predictedClv: number;
}

/** The BG/NBD predictions shared by a segment's customers with the same (x, t_x, T) in days. */
export interface GroupValue {
  segment: string;
  frequency: number;
  recencyDays: number;
  tDays: number;
  pAlive: number;
  expectedPurchases: number;
  discountedPurchases: number;
}

export class FitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitError';
  }
}

interface Sample {
  grouped: GroupedRfm;
  indices: number[];
}

function sample(customers: readonly CustomerSummary[], indices: number[]): Sample {
  const grouped = groupRfm(
    indices.map((i) => customers[i]!.frequency),
    indices.map((i) => customers[i]!.recencyDays),
    indices.map((i) => customers[i]!.tDays),
    1 / DAYS_PER_MODEL_UNIT,
  );
  return { grouped, indices };
}

function repeaters(customers: readonly CustomerSummary[], indices: number[]): number {
  let n = 0;
  for (const i of indices) if (customers[i]!.frequency > 0 && customers[i]!.monetaryMean > 0) n++;
  return n;
}

function fitModels(customers: readonly CustomerSummary[], s: Sample, penalty: number) {
  const bgnbd = fitBgNbd(s.grouped, { penalty });
  const spend = spendData(
    s.indices.map((i) => customers[i]!.frequency),
    s.indices.map((i) => customers[i]!.monetaryMean),
  );
  const gammaGamma = fitGammaGamma(spend, { penalty });
  return { bgnbd, gammaGamma };
}

/** Why a fit cannot be used, or null when it can. */
function unusable(bgnbd: ModelFit<BgNbdParams>, gammaGamma: ModelFit<GammaGammaParams>): string | null {
  if (!bgnbd.converged) return 'BG/NBD did not converge';
  if (!gammaGamma.converged) return 'Gamma-Gamma did not converge';
  // q <= 1 means an infinite population mean spend: no expected value to multiply by.
  if (gammaGamma.params.q <= 1) return `Gamma-Gamma q = ${gammaGamma.params.q.toFixed(3)} <= 1`;
  return null;
}

/**
 * Fits BG/NBD and Gamma-Gamma to the whole workspace and to each segment, and predicts every
 * customer with its segment's models. A segment too small to fit, or whose fit is unusable, is
 * pooled: it uses the workspace-wide fit and its run says so in `pooled` and `note`.
 */
export function fitSegments(
  customers: readonly CustomerSummary[],
  settings: FitSettings = DEFAULT_FIT_SETTINGS,
): { runs: SegmentRun[]; predictions: CustomerPrediction[]; groups: GroupValue[] } {
  if (customers.length === 0) throw new FitError('no customers with purchases in the calibration period');
  const all = sample(
    customers,
    customers.map((_, i) => i),
  );
  const allRepeaters = repeaters(customers, all.indices);
  if (allRepeaters < 2) {
    throw new FitError(`only ${allRepeaters} customer(s) with repeat purchases: too few to fit the spend model`);
  }
  const workspace = fitModels(customers, all, settings.penalty);
  // An unusable workspace-wide fit matters only to a segment that has to fall back on it.
  const problem = unusable(workspace.bgnbd, workspace.gammaGamma);
  const fallBack = (segment: string, why: string) => {
    if (problem) throw new FitError(`segment "${segment}": ${why}, and the workspace-wide fit is unusable: ${problem}`);
  };
  const runs: SegmentRun[] = [
    {
      segment: WORKSPACE_SEGMENT,
      customers: customers.length,
      repeaters: allRepeaters,
      pooled: false,
      note: problem ? `unusable: ${problem}` : '',
      ...workspace,
    },
  ];
  const bySegment = new Map<string, number[]>();
  customers.forEach((c, i) => {
    let list = bySegment.get(c.segment);
    if (!list) bySegment.set(c.segment, (list = []));
    list.push(i);
  });
  const predictions: CustomerPrediction[] = new Array(customers.length);
  const groups: GroupValue[] = [];
  const clvOptions: ClvOptions = {
    horizonMonths: settings.horizonMonths,
    monthlyDiscount: settings.monthlyDiscount,
    monthInModelUnits: DAYS_PER_MONTH / DAYS_PER_MODEL_UNIT,
  };
  for (const segment of [...bySegment.keys()].sort()) {
    const indices = bySegment.get(segment)!;
    const s = bySegment.size === 1 ? all : sample(customers, indices);
    const segmentRepeaters = repeaters(customers, indices);
    let run: SegmentRun;
    const pooled = (note: string): SegmentRun => {
      fallBack(segment, note);
      return {
        segment,
        customers: indices.length,
        repeaters: segmentRepeaters,
        pooled: true,
        note,
        ...workspace,
      };
    };
    if (bySegment.size === 1) {
      fallBack(segment, 'the only segment');
      run = { ...runs[0]!, segment, note: 'the only segment: the workspace-wide fit' };
    } else if (indices.length < settings.minSegmentCustomers || segmentRepeaters < settings.minSegmentRepeaters) {
      run = pooled(
        `too small to fit (${indices.length} customers, ${segmentRepeaters} with repeat purchases; ` +
          `needs ${settings.minSegmentCustomers} and ${settings.minSegmentRepeaters}): workspace-wide fit`,
      );
    } else {
      let fitted: ReturnType<typeof fitModels> | null = null;
      let reason: string | null;
      try {
        fitted = fitModels(customers, s, settings.penalty);
        reason = unusable(fitted.bgnbd, fitted.gammaGamma);
      } catch (error) {
        // One segment's numerical trouble must not sink the others: it falls back like a small one.
        reason = `fit failed (${error instanceof Error ? error.message : String(error)})`;
      }
      run =
        reason || !fitted
          ? pooled(`${reason ?? 'no fit'}: workspace-wide fit`)
          : { segment, customers: indices.length, repeaters: segmentRepeaters, pooled: false, note: '', ...fitted };
    }
    runs.push(run);
    predict(customers, s, run, clvOptions, predictions, groups);
  }
  return { runs, predictions, groups };
}

/** Predictions for one segment's customers; the BG/NBD part once per (x, t_x, T) group. */
function predict(
  customers: readonly CustomerSummary[],
  s: Sample,
  run: SegmentRun,
  options: ClvOptions,
  out: CustomerPrediction[],
  groupsOut: GroupValue[],
): void {
  const g = s.grouped;
  const params = run.bgnbd.params;
  const groups = g.x.length;
  const alive = new Float64Array(groups);
  const purchases = new Float64Array(groups);
  const discounted = new Float64Array(groups);
  for (let k = 0; k < groups; k++) {
    alive[k] = probabilityAlive(params, g.x[k]!, g.tx[k]!, g.T[k]!);
    const d = discountedPurchases(params, g.x[k]!, g.tx[k]!, g.T[k]!, options);
    purchases[k] = d.expectedPurchases;
    discounted[k] = d.discountedPurchases;
  }
  const written = new Uint8Array(groups);
  s.indices.forEach((customer, position) => {
    const k = g.groupOf[position]!;
    const c = customers[customer]!;
    if (!written[k]) {
      written[k] = 1;
      groupsOut.push({
        segment: run.segment,
        frequency: c.frequency,
        recencyDays: c.recencyDays,
        tDays: c.tDays,
        pAlive: alive[k]!,
        expectedPurchases: purchases[k]!,
        discountedPurchases: discounted[k]!,
      });
    }
    const value = expectedAverageValue(run.gammaGamma.params, c.frequency, c.monetaryMean);
    out[customer] = {
      pAlive: alive[k]!,
      expectedPurchases: purchases[k]!,
      expectedAvgValue: value,
      predictedClv: discounted[k]! * value,
    };
  });
}

/** Expected repeat purchases of each customer in the `days` after calibration, by its segment's model. */
export function predictHoldout(
  customers: readonly CustomerSummary[],
  runs: readonly SegmentRun[],
  days: number,
): number[] {
  const bySegment = new Map(runs.filter((r) => r.segment !== WORKSPACE_SEGMENT).map((r) => [r.segment, r]));
  const cache = new Map<string, number>();
  const t = days / DAYS_PER_MODEL_UNIT;
  return customers.map((c) => {
    const run = bySegment.get(c.segment) ?? runs[0]!;
    const key = `${c.segment}\u0000${c.frequency},${c.recencyDays},${c.tDays}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = expectedPurchases(
        run.bgnbd.params,
        t,
        c.frequency,
        c.recencyDays / DAYS_PER_MODEL_UNIT,
        c.tDays / DAYS_PER_MODEL_UNIT,
      );
      cache.set(key, value);
    }
    return value;
  });
}

export interface HoldoutReport {
  holdoutEnd: string;
  days: number;
  customers: number;
  actual: number;
  predicted: number;
  /** (predicted − actual) / actual, aggregate over all customers. */
  relativeError: number;
  meanAbsoluteError: number;
  rootMeanSquaredError: number;
}

export interface WorkspaceFit {
  runId: string;
  workspaceId: string;
  calibrationEnd: string;
  settings: FitSettings;
  runs: SegmentRun[];
  customers: number;
  seconds: { summary: number; fit: number; write: number };
  holdout?: HoldoutReport;
}

/** The runs whose customer rows a fit keeps: the one it wrote and the two before (keepLatestRuns). */
export const KEPT_RUNS = 3;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' that is a real calendar date, or a FitError. */
export function parseDay(value: string, name: string): { text: string; date: Date } {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new FitError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return { text: value, date };
}

/**
 * The whole `resonance fit`: the per-customer summary in SQL up to the calibration end, the fits
 * per workspace × segment, and one run written to `model_runs` and `customer_value` (whose rows of
 * runs older than the latest KEPT_RUNS go). With `holdoutEnd`, also compares each customer's
 * predicted repeat purchases after the calibration end with what happened.
 */
export async function fitWorkspace(
  db: Database,
  options: { workspaceId: string; until: string; holdoutEnd?: string; settings?: Partial<FitSettings> },
): Promise<WorkspaceFit> {
  const settings = { ...DEFAULT_FIT_SETTINGS, ...options.settings };
  if (!Number.isInteger(settings.horizonMonths) || settings.horizonMonths < 1 || settings.horizonMonths > 600) {
    throw new FitError(`horizon must be a whole number of months in 1..600, got ${settings.horizonMonths}`);
  }
  if (!(settings.monthlyDiscount >= 0 && settings.monthlyDiscount < 1)) {
    throw new FitError(`monthly discount must be in [0, 1), got ${settings.monthlyDiscount}`);
  }
  if (!(settings.penalty >= 0)) throw new FitError(`penalty must be >= 0, got ${settings.penalty}`);
  const until = parseDay(options.until, 'calibration end');
  const holdout = options.holdoutEnd === undefined ? undefined : parseDay(options.holdoutEnd, 'holdout end');
  if (holdout && holdout.date <= until.date) throw new FitError('the holdout must end after the calibration end');
  const repository = new ClvRepository(db);
  const started = Date.now();
  const customers = await repository.customerSummaries(options.workspaceId, until.text);
  if (customers.length === 0) {
    throw new FitError(`workspace "${options.workspaceId}" has no purchases up to ${until.text}`);
  }
  const summarised = Date.now();
  const { runs, groups } = fitSegments(customers, settings);
  const fitted = Date.now();
  const runId = randomUUID();
  await repository.writeRun({
    runId,
    workspaceId: options.workspaceId,
    calibrationEnd: until.text,
    settings,
    runs,
    customers,
    groups,
  });
  await repository.keepLatestRuns(options.workspaceId, KEPT_RUNS);
  const written = Date.now();
  const result: WorkspaceFit = {
    runId,
    workspaceId: options.workspaceId,
    calibrationEnd: until.text,
    settings,
    runs,
    customers: customers.length,
    seconds: {
      summary: (summarised - started) / 1000,
      fit: (fitted - summarised) / 1000,
      write: (written - fitted) / 1000,
    },
  };
  if (holdout) {
    const days = Math.round((holdout.date.getTime() - until.date.getTime()) / 86_400_000);
    const actual = await repository.holdoutPurchases(options.workspaceId, until.text, holdout.text);
    const predicted = predictHoldout(customers, runs, days);
    result.holdout = compareHoldout(customers, predicted, actual, holdout.text, days);
  }
  return result;
}

export function compareHoldout(
  customers: readonly CustomerSummary[],
  predicted: readonly number[],
  actual: ReadonlyMap<string, number>,
  holdoutEnd: string,
  days: number,
): HoldoutReport {
  let sumActual = 0;
  let sumPredicted = 0;
  let absolute = 0;
  let squared = 0;
  customers.forEach((c, i) => {
    const a = actual.get(c.customerId) ?? 0;
    const p = predicted[i]!;
    sumActual += a;
    sumPredicted += p;
    absolute += Math.abs(p - a);
    squared += (p - a) ** 2;
  });
  const n = customers.length;
  return {
    holdoutEnd,
    days,
    customers: n,
    actual: sumActual,
    predicted: sumPredicted,
    relativeError: sumActual > 0 ? (sumPredicted - sumActual) / sumActual : NaN,
    meanAbsoluteError: absolute / n,
    rootMeanSquaredError: Math.sqrt(squared / n),
  };
}
