import {
  DAYS_PER_MODEL_UNIT,
  fitBgNbd,
  fitGammaGamma,
  fitSegments,
  groupRfm,
  spendData,
  type BgNbdParams,
  type GammaGammaParams,
} from '@resonance/pipelines';
import { parseArgs } from 'node:util';
import { endToEnd } from './end-to-end';
import { naiveFitBgNbd } from './naive';
import { simulateCustomers } from './simulate';

/**
 * CLV fit benchmark (DESIGN.md: fit of 1 M customers <= 10 s on the reference machine). Draws
 * customers from known BG/NBD + Gamma-Gamma parameters (the CDNOW estimates), times the fit the
 * `resonance fit` command runs after its SQL summary, and in the same run a naive
 * one-term-per-customer fit of the same data, for the ratio.
 *   node bench/dist/clv/main.js [--customers N] [--seed S] [--skip-naive] [--continuous] [--sql]
 * --sql also runs the whole `resonance fit` on the same customers' purchases in a fresh embedded
 * ClickHouse: SQL summary, fit, and writing model_runs and customer_value.
 * --continuous keeps exact purchase times (no whole days): the fit should then recover the true
 * parameters within a few standard errors.
 */
const TRUE_BGNBD: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const TRUE_SPEND: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.45 };

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20050101' },
      'skip-naive': { type: 'boolean', default: false },
      continuous: { type: 'boolean', default: false },
      sql: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.customers);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 100)
    throw new Error(`--customers must be an integer >= 100, got ${values.customers}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);

  let start = process.hrtime.bigint();
  const { customers, transactions } = simulateCustomers(count, TRUE_BGNBD, TRUE_SPEND, {
    seed,
    calibrationWeeks: 39,
    entryWeeks: 12,
    continuous: values.continuous,
  });
  const repeaters = customers.filter((c) => c.frequency > 0).length;
  console.log(
    `simulated ${count} customers, ${transactions} purchases, ${repeaters} with repeat purchases in ${seconds(start).toFixed(2)} s`,
  );

  // The models alone: grouping, BG/NBD, Gamma-Gamma, both with Hessian standard errors.
  start = process.hrtime.bigint();
  const grouped = groupRfm(
    customers.map((c) => c.frequency),
    customers.map((c) => c.recencyDays),
    customers.map((c) => c.tDays),
    1 / DAYS_PER_MODEL_UNIT,
  );
  const groupSeconds = seconds(start);
  const bgStart = process.hrtime.bigint();
  const bgnbd = fitBgNbd(grouped);
  const bgSeconds = seconds(bgStart);
  const ggStart = process.hrtime.bigint();
  const gammaGamma = fitGammaGamma(
    spendData(
      customers.map((c) => c.frequency),
      customers.map((c) => c.monetaryMean),
    ),
  );
  const ggSeconds = seconds(ggStart);
  const modelSeconds = seconds(start);
  console.log(
    `fit: ${modelSeconds.toFixed(2)} s (grouping ${groupSeconds.toFixed(2)} s into ${grouped.x.length} (x, t_x, T) terms, ` +
      `BG/NBD ${bgSeconds.toFixed(2)} s in ${bgnbd.evaluations} evaluations, Gamma-Gamma ${ggSeconds.toFixed(2)} s)`,
  );
  const show = (p: object) =>
    Object.entries(p)
      .map(([k, v]) => `${k}=${(v as number).toPrecision(4)}`)
      .join(' ');
  console.log(
    `  BG/NBD      true ${show(TRUE_BGNBD)}  fitted ${show(bgnbd.params)}  (se ${show(bgnbd.standardErrors)})`,
  );
  console.log(
    `  Gamma-Gamma true ${show(TRUE_SPEND)}  fitted ${show(gammaGamma.params)}  (se ${show(gammaGamma.standardErrors)})`,
  );

  // What `resonance fit` does between reading the summary and writing: fits plus every customer's predictions.
  start = process.hrtime.bigint();
  const { predictions } = fitSegments(customers);
  const fullSeconds = seconds(start);
  const clv = predictions.reduce((sum, p) => sum + p.predictedClv, 0);
  console.log(
    `fit + predictions (P(alive), 12-month expected purchases and discounted CLV for every customer): ` +
      `${fullSeconds.toFixed(2)} s; mean predicted CLV ${(clv / count).toFixed(2)}`,
  );
  console.log(`CLV fit of ${count} customers: ${modelSeconds.toFixed(2)} s (target <= 10 s)`);

  if (!values['skip-naive']) {
    start = process.hrtime.bigint();
    const naive = naiveFitBgNbd(customers, DAYS_PER_MODEL_UNIT);
    const naiveSeconds = seconds(start);
    console.log(
      `naive one-term-per-customer BG/NBD: ${naiveSeconds.toFixed(2)} s in ${naive.evaluations} evaluations, ` +
        `fitted ${show(naive.params)}, ln L ${naive.logLikelihood.toFixed(2)} vs grouped ${bgnbd.logLikelihood.toFixed(2)}`,
    );
    console.log(
      `ratio naive / grouped BG/NBD fit: ${(naiveSeconds / (groupSeconds + bgSeconds)).toFixed(1)}x ` +
        `(grouping + fit ${(groupSeconds + bgSeconds).toFixed(2)} s); per likelihood evaluation ` +
        `${(naiveSeconds / naive.evaluations / (bgSeconds / bgnbd.evaluations)).toFixed(1)}x`,
    );
  }

  if (values.sql) {
    const e2e = await endToEnd(count, TRUE_BGNBD, TRUE_SPEND, seed);
    console.log(
      `resonance fit end to end on ${e2e.transactions} transactions (embedded ClickHouse): SQL summary ` +
        `${e2e.summary.toFixed(2)} s, fit + predictions ${e2e.fit.toFixed(2)} s, writing model_runs + customer_value ` +
        `${e2e.write.toFixed(2)} s, total ${(e2e.summary + e2e.fit + e2e.write).toFixed(2)} s (loading the transactions ${e2e.load.toFixed(2)} s)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
