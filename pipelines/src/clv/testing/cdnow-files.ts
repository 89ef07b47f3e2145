import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shared CDNOW reference files, beside the repository in ../shared/datasets (never copied
 * into it); RESONANCE_DATASETS_DIR points elsewhere for a checkout that is not beside them.
 */
export const CDNOW_DIR = path.join(
  process.env.RESONANCE_DATASETS_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'datasets'),
  'cdnow',
);

export interface PublishedSummaryRow {
  id: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T (weeks), zbar. */
export function readPublishedSummary(): PublishedSummaryRow[] {
  const text = fs.readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',');
      return { id: id!, x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar) };
    });
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks). */
export function readPublishedRfm(): Omit<PublishedSummaryRow, 'zbar'>[] {
  const text = fs.readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, x, tx, T] = line.split(',');
      return { id: id!, x: Number(x), tx: Number(tx), T: Number(T) };
    });
}
