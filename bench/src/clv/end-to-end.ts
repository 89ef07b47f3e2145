import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fitWorkspace, type BgNbdParams, type GammaGammaParams } from '@resonance/pipelines';
import { loadClickHouseConfig, migrate, openDatabase, toClickHouseTime } from '@resonance/sql';
import { simulateCustomers } from './simulate';

const WORKSPACE = 'bench-clv';
const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const INSERT_BATCH = 500_000;

/**
 * The same simulated customers as purchases in `transactions` of a fresh embedded database, then
 * the whole `resonance fit`: SQL summary, fits, and the run written to model_runs and
 * customer_value. Returns the seconds of each stage.
 */
export async function endToEnd(
  count: number,
  bgnbd: BgNbdParams,
  spend: GammaGammaParams,
  seed: number,
): Promise<{ load: number; summary: number; fit: number; write: number; transactions: number }> {
  const customer: number[] = [];
  const day: number[] = [];
  const value: number[] = [];
  const calibrationWeeks = 39;
  simulateCustomers(count, bgnbd, spend, {
    seed,
    calibrationWeeks,
    entryWeeks: 12,
    onPurchase: (c, d, v) => {
      customer.push(c);
      day.push(d);
      value.push(v);
    },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-bench-clv-'));
  const db = await openDatabase(loadClickHouseConfig({ RESONANCE_DATA_DIR: dataDir }));
  try {
    await migrate(db);
    const started = Date.now();
    for (let start = 0; start < customer.length; start += INSERT_BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(customer.length, start + INSERT_BATCH); i++) {
        rows.push({
          workspace_id: WORKSPACE,
          transaction_id: String(i),
          customer_id: String(customer[i]),
          occurred_at: toClickHouseTime(START + day[i]! * DAY + 12 * 3_600_000),
          kind: 'purchase',
          amount: value[i]!.toFixed(2),
          currency: 'USD',
          source: 'bench',
          ingest_run_id: 'bench',
          version: 1,
        });
      }
      await db.client.insert({ table: 'transactions', values: rows, format: 'JSONEachRow' });
    }
    const load = (Date.now() - started) / 1000;
    const until = new Date(START + calibrationWeeks * 7 * DAY).toISOString().slice(0, 10);
    const fit = await fitWorkspace(db, { workspaceId: WORKSPACE, until });
    return { load, ...fit.seconds, transactions: customer.length };
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
