// `node bench/dist/compare.js BEFORE.json AFTER.json [--markdown]`: the GraphQL operations and pages
// of two bench result files (bench/results/*.json) side by side — CPU p50 and p95, cold elapsed
// p50 and p95 — with the ratio after ÷ before of the CPU p50, the figure that holds on a shared
// machine. Operations in only one of the files are listed with a dash for the other.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { heading, table } from './report';

interface Latency {
  p50Ms: number;
  p95Ms: number;
  cpuP50Ms: number;
  cpuP95Ms: number;
}

interface Results {
  preset: { name: string };
  startedAt: string;
  machine: { loadAverage1m: number };
  graphql: {
    operations: { name: string; cold: Latency }[];
    pages: { page: string; cold: Latency }[];
  };
}

function readResults(file: string): Results {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a bench result file (${(error as Error).message})`);
  }
  const results = parsed as Partial<Results>;
  if (typeof results.preset?.name !== 'string' || !results.machine || !results.graphql) throw new Error(`${file}: not a bench result file`);
  return results as Results;
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value).toLocaleString('en-US')} ms`);

function ratio(before: number | undefined, after: number | undefined): string {
  if (before === undefined || after === undefined || before <= 0) return '–';
  return `${(after / before).toFixed(2)}×`;
}

/** One row per name in either list, in the order of `after` then the names only `before` has. */
function rows<T>(before: Map<string, T>, after: Map<string, T>, cells: (b: T | undefined, a: T | undefined) => string[]) {
  const names = [...after.keys(), ...[...before.keys()].filter((n) => !after.has(n))];
  return names.map((name) => [name, ...cells(before.get(name), after.get(name))]);
}

function latencyCells(b: Latency | undefined, a: Latency | undefined): string[] {
  return [
    `${ms(b?.cpuP50Ms)} → ${ms(a?.cpuP50Ms)}`,
    ratio(b?.cpuP50Ms, a?.cpuP50Ms),
    `${ms(b?.cpuP95Ms)} → ${ms(a?.cpuP95Ms)}`,
    `${ms(b?.p50Ms)} → ${ms(a?.p50Ms)}`,
    `${ms(b?.p95Ms)} → ${ms(a?.p95Ms)}`,
  ];
}

const HEADER = ['', 'CPU p50', 'after ÷ before', 'CPU p95', 'cold p50', 'cold p95'];

function markdown(rowsOut: string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(rowsOut[0]!), line(rowsOut[0]!.map(() => '---')), ...rowsOut.slice(1).map(line)].join('\n');
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { markdown: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    console.error('usage: node bench/dist/compare.js BEFORE.json AFTER.json [--markdown]');
    return 2;
  }
  const [before, after] = positionals.map(readResults) as [Results, Results];
  if (before.preset.name !== after.preset.name) console.warn(`note: comparing preset ${before.preset.name} with ${after.preset.name}`);
  const render = values.markdown ? markdown : table;
  const operations = (r: Results) => new Map((r.graphql.operations).map((o) => [o.name, o.cold]));
  const pages = (r: Results) => new Map((r.graphql.pages).map((p) => [p.page, p.cold]));
  console.log(
    `before: ${before.preset.name}, ${before.startedAt}, load ${before.machine.loadAverage1m}; ` +
      `after: ${after.preset.name}, ${after.startedAt}, load ${after.machine.loadAverage1m}`,
  );
  console.log(heading('GraphQL operations, cold'));
  console.log(render([['operation', ...HEADER.slice(1)], ...rows(operations(before), operations(after), latencyCells)]));
  console.log(heading("A page's operations together, cold"));
  console.log(render([['page', ...HEADER.slice(1)], ...rows(pages(before), pages(after), latencyCells)]));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
