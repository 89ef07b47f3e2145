import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatFit, fitWorkspace, loadCdnow } from '@resonance/pipelines';
import { loadClickHouseConfig, migrate, openDatabase } from '@resonance/sql';

/**
 * The CDNOW reference run through the whole pipeline: CDNOW_sample.txt loaded into
 * `transactions`, summarised in SQL with the calibration ending 1997-09-30 (weeks 1–39), fitted,
 * and each customer's predicted repeat purchases in weeks 40–78 compared with what happened.
 *   node bench/dist/clv/cdnow.js [--keep]
 * Uses a fresh embedded database in a temporary directory (RESONANCE_DATA_DIR if set); with
 * --keep the directory stays, so `resonance fit --workspace cdnow …` can be run on it afterwards.
 */
const CDNOW_FILE = path.join(
  process.env.RESONANCE_DATASETS_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets'),
  'cdnow',
  'CDNOW_sample.txt',
);

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const dataDir = process.env.RESONANCE_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-cdnow-'));
  const db = await openDatabase(
    loadClickHouseConfig({ ...process.env, RESONANCE_DATA_DIR: dataDir, CLICKHOUSE_URL: '' }),
  );
  try {
    await migrate(db);
    const load = await loadCdnow(db, 'cdnow', CDNOW_FILE);
    console.log(
      `loaded ${CDNOW_FILE}: ${load.loaded} purchases, ${load.rejected} rejected, ${load.seconds.toFixed(2)} s`,
    );
    const fit = await fitWorkspace(db, { workspaceId: 'cdnow', until: '1997-09-30', holdoutEnd: '1998-06-30' });
    console.log(formatFit(fit));
    console.log('published (FHL 2005): r=0.2426 alpha=4.4135 a=0.7929 b=2.4258; p=6.25 q=3.74 v=15.45');
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
