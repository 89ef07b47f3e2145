import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { toClickHouseTime, type Database, type TransactionRow } from '@resonance/sql';
import { IngestRun, type RunSummary } from '../load/ingest-run';

/**
 * The CDNOW purchase sample (Fader, Hardie & Lee 2005): one purchase a line, whitespace separated
 * — full customer id, sample customer id, date YYYYMMDD, number of CDs, dollar value. The customer
 * id is the sample id without leading zeros, the ID of the published per-customer summaries.
 */
export interface CdnowPurchase {
  customerId: string;
  fullId: string;
  date: string;
  cds: number;
  dollars: string;
}

const LINE = /^\s*(\d+)\s+(\d+)\s+(\d{8})\s+(\d+)\s+(\d+(?:\.\d+)?)\s*$/;

/** Parses one line; a string is the reason it was rejected. */
export function parseCdnowLine(line: string): CdnowPurchase | string {
  const match = LINE.exec(line);
  if (!match) return 'expected 5 fields: full id, sample id, YYYYMMDD, CDs, dollars';
  const [, fullId, sampleId, date, cds, dollars] = match as unknown as [string, string, string, string, string, string];
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    return `not a calendar date: ${date}`;
  }
  return {
    customerId: String(Number(sampleId)),
    fullId,
    date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    cds: Number(cds),
    dollars,
  };
}

/**
 * Loads a CDNOW file into `transactions` through an IngestRun. The source has no transaction id:
 * the id is the customer, the day and the purchase's rank within that day in the file, which is
 * stable across re-loads of the same file, so a re-load replaces rather than doubles.
 */
export async function loadCdnow(db: Database, workspaceId: string, file: string): Promise<RunSummary> {
  const run = await IngestRun.start(db, workspaceId, 'cdnow', [file]);
  try {
    const seen = new Map<string, number>();
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const purchase = parseCdnowLine(line);
      if (typeof purchase === 'string') {
        await run.reject(file, lineNumber, purchase, line);
        continue;
      }
      const key = `${purchase.fullId}-${purchase.date}`;
      const rank = (seen.get(key) ?? 0) + 1;
      seen.set(key, rank);
      const row: TransactionRow = {
        workspace_id: workspaceId,
        transaction_id: `cdnow-${key}-${rank}`,
        customer_id: purchase.customerId,
        occurred_at: toClickHouseTime(Date.parse(`${purchase.date}T00:00:00Z`)),
        kind: 'purchase',
        amount: purchase.dollars,
        currency: 'USD',
        source: 'cdnow',
        ingest_run_id: run.runId,
        version: run.version,
      };
      await run.add('transactions', { ...row });
    }
    return await run.finish();
  } catch (error) {
    return run.fail(error);
  }
}
