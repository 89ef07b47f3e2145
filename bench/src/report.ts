import * as fs from 'node:fs';
import * as path from 'node:path';

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          /^[-\d.,×x%≤ ]+(ms|s|MiB|\/s)?$/.test(cell) && i > 0 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function heading(title: string): string {
  return `\n${title}\n${'-'.repeat(title.length)}`;
}

export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Writes the results as bench/results/<preset>-<time>.json and returns the path. */
export function writeResults(preset: string, results: object): string {
  const dir = path.resolve(__dirname, '..', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${preset}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
