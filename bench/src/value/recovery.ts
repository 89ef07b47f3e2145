import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FixedClock } from '@resonance/api';
import { DataVersionRepository } from '@resonance/api/dist/cache/data-version.repository';
import { ResultCache } from '@resonance/api/dist/cache/result-cache';
import { FilterService } from '@resonance/api/dist/filter/filter.service';
import { PurchaseExperience } from '@resonance/api/dist/value/dto/service-effects.model';
import { ServiceEffectsService } from '@resonance/api/dist/value/service-effects.service';
import { ValueRepository } from '@resonance/api/dist/value/value.repository';
import { WorkspaceRepository } from '@resonance/api/dist/workspace/workspace.repository';
import {
  DEFAULT_DEMO_SEED,
  DEMO_TRUE_EFFECTS,
  DemoWorkspaceExistsError,
  loadDemoWorkspace,
  type Experience,
} from '@resonance/pipelines';
import { loadClickHouseConfig, migrate, openDatabase } from '@resonance/sql';

/**
 * Issue 5: does serviceEffects recover the spend multipliers the demo generator planted?
 *   node bench/dist/value/recovery.js [--customers N] [--seed N] [--now ISO] [--keep]
 * Loads the demo (default 20 000 customers, now 2026-11-22T12:00:00Z) into a fresh embedded
 * database in a temporary directory, or reuses the one in RESONANCE_DATA_DIR when it is already
 * there, and prints each estimate with its 95% interval beside the planted ratio.
 */
const GENERATOR_NAME: Record<PurchaseExperience, Experience> = {
  [PurchaseExperience.NO_CONTACT]: 'none',
  [PurchaseExperience.ANSWERED_FAST]: 'answered_fast',
  [PurchaseExperience.ANSWERED_SLOW]: 'answered_slow',
  [PurchaseExperience.MISSED]: 'missed',
  [PurchaseExperience.MISSED_NEGATIVE]: 'missed_negative',
};

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

interface Line {
  name: string;
  planted: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  customers?: number;
  purchases?: number;
}

const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(4));

async function main(): Promise<void> {
  const customers = Number(option('customers', '20000'));
  const seed = Number(option('seed', String(DEFAULT_DEMO_SEED)));
  const now = new Date(option('now', '2026-11-22T12:00:00Z'));
  if (!Number.isSafeInteger(customers) || customers < 1) throw new Error('--customers must be a whole number ≥ 1');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a whole number ≥ 0');
  if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO date');
  const workspaceId = `recovery_${customers}_${seed}`;
  const keep = process.argv.includes('--keep');
  const dataDir = process.env.RESONANCE_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-recovery-'));
  const db = await openDatabase(
    loadClickHouseConfig({ ...process.env, RESONANCE_DATA_DIR: dataDir, CLICKHOUSE_URL: '' }),
  );
  try {
    await migrate(db);
    try {
      const load = await loadDemoWorkspace(db, { workspaceId, customers, seed, now });
      console.log(
        `loaded ${load.customers} customers, ${load.transactions} transactions in ${load.seconds.toFixed(1)} s`,
      );
    } catch (error) {
      if (!(error instanceof DemoWorkspaceExistsError)) throw error;
      console.log(`workspace ${workspaceId} already loaded in ${dataDir}; reusing it`);
    }
    const cache = new ResultCache(new DataVersionRepository(db), new FixedClock(now), { maxEntries: 0, ttlMs: 0 });
    const service = new ServiceEffectsService(
      new ValueRepository(db),
      new FilterService(new WorkspaceRepository(db), cache),
      new FixedClock(now),
      cache,
    );
    const from = new Date(now);
    from.setUTCFullYear(from.getUTCFullYear() - 3);
    const started = Date.now();
    const report = await service.serviceEffects(workspaceId, { from, to: now });
    const seconds = (Date.now() - started) / 1000;
    const planted = DEMO_TRUE_EFFECTS.spendMultiplier;
    console.log(
      `serviceEffects ${from.toISOString()} … ${now.toISOString()}: ${report.customers} informative customers, ` +
        `${report.bootstrapSamples} replicates, ${seconds.toFixed(2)} s`,
    );
    console.log('experience        planted  estimate  95% interval         inside  customers  purchases');
    const lines: Line[] = report.effects.map((e) => ({
      ...e,
      name: e.experience,
      planted: planted[GENERATOR_NAME[e.experience]] / planted.none,
    }));
    lines.push({
      ...report.upliftFastOverMissedNegative,
      name: 'fast ÷ missed_neg',
      planted: planted.answered_fast / planted.missed_negative,
    });
    for (const r of lines) {
      const inside = r.low !== null && r.high !== null && r.low <= r.planted && r.planted <= r.high;
      console.log(
        `${r.name.padEnd(17)} ${r.planted.toFixed(4)}   ${fixed(r.estimate)}  [${fixed(r.low)}, ${fixed(r.high)}]  ` +
          `${(inside ? 'yes' : 'NO').padEnd(6)}  ${String(r.customers ?? '').padStart(9)}  ${String(r.purchases ?? '').padStart(9)}`,
      );
    }
  } finally {
    await db.close();
    if (!keep && !process.env.RESONANCE_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`data directory: ${dataDir}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
