import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '@resonance/api';
import { Clock } from '@resonance/api/dist/common/clock';
import { createApiKey } from '@resonance/sql';
import { BENCH_NOW, BENCH_WORKSPACE, benchPeriods } from '../period';
import { inPeriod, OPERATIONS, type BenchQuery, type Period } from './operations';

// A speed-up must leave the answers as they were: this CLI (USAGE) records them before and after.
const USAGE = `usage: node bench/dist/graphql/answers.js --data DIR --out FILE [--compare FILE]

Asks every benchmark operation and its correctness variants over the bench's periods against the
database in DIR (the api's clock stopped at the bench's now) and writes the answers to FILE as JSON.
--compare FILE  report every figure that differs from an earlier answers file; exit 1 if any does.
Run it on a copy the bench has not refitted (every bench run refits CLV), before and after a change.`;

/** Correctness-only variants: every grouping, periods not aligned to days, the pending tail. */
function variants(): BenchQuery[] {
  const response = OPERATIONS.find((op) => op.name === 'response total')!;
  const sentiment = OPERATIONS.find((op) => op.name === 'sentiment by brand')!;
  const overview = OPERATIONS.find((op) => op.name === 'overview')!;
  const groupBys = ['BRAND', 'CHANNEL', 'SEGMENT', 'AGENT', 'LIFECYCLE_STAGE', 'DAY', 'WEEK', 'MONTH', 'HOUR_OF_WEEK'];
  return [
    ...groupBys.map((groupBy) => ({
      ...response,
      name: `response by ${groupBy}`,
      variables: { ...response.variables, groupBy },
    })),
    ...groupBys.map((groupBy) => ({
      ...sentiment,
      name: `sentiment by ${groupBy}`,
      variables: { ...sentiment.variables, groupBy },
    })),
    {
      ...overview,
      name: 'overview, two agents, segments',
      variables: { filter: { agents: ['gina.l', 'mona.f'], segments: ['smb', 'enterprise'] } },
    },
    {
      ...response,
      name: 'response, all brands, email + chat',
      variables: { filter: { brands: [], channels: ['email', 'chat'] }, groupBy: 'BRAND' },
    },
  ];
}

/** The bench's periods, and two that start and end inside a day (the edges of day rollups). */
function periods(): Period[] {
  const day = 86_400_000;
  const at = (ms: number) => new Date(BENCH_NOW.getTime() - ms).toISOString();
  return [
    ...benchPeriods(),
    { from: at(45 * day + 7 * 3_600_000 + 1234), to: at(3 * day + 5 * 3_600_000 + 17) },
    { from: at(400 * day - 3_600_000), to: at(2 * 3_600_000) },
  ];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Differences between two answers; numbers equal to 1e-9 relative (sums in another order). */
function differences(a: Json, b: Json, where: string, out: string[]): void {
  if (out.length > 50) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a !== b && Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) out.push(`${where}: ${a} -> ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${where}: ${a.length} items -> ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i]!, b[i]!, `${where}[${i}]`, out);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key] ?? null, b[key] ?? null, `${where}.${key}`, out);
    return;
  }
  if (a !== b) out.push(`${where}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      compare: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.data || !values.out) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // The rate limiter reads process.env (not the env below) and refills by the api's clock, which
  // is stopped here: off, or the answers would be RATE_LIMITED errors.
  process.env.RESONANCE_RATE_LIMIT_PER_MINUTE = '0';
  const server = await startServer({
    port: 0,
    demo: false,
    quiet: true,
    env: { RESONANCE_DATA_DIR: path.resolve(values.data), RESONANCE_DEMO: 'off', PORT: '0' },
  });
  const answers: Record<string, Json> = {};
  try {
    // Stopped at the data's `now`: the last SLA window holds pending messages, as it would live.
    const clock = server.app.get(Clock);
    clock.now = () => new Date(BENCH_NOW);
    const { secret } = await createApiKey(server.db, { workspaceId: BENCH_WORKSPACE, role: 'admin', name: 'answers' });
    for (const base of [...OPERATIONS, ...variants()]) {
      for (const period of periods()) {
        const op = inPeriod(base, period);
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query: op.query, variables: op.variables }),
        });
        const body = (await response.json()) as { data?: Json; errors?: Json };
        answers[`${base.name} @ ${period.from}..${period.to}`] = body.errors ? { errors: body.errors } : (body.data ?? null);
      }
    }
  } finally {
    await server.close();
  }
  fs.writeFileSync(values.out, `${JSON.stringify(answers, null, 1)}\n`);
  process.stdout.write(`${Object.keys(answers).length} answers in ${values.out}\n`);
  if (values.compare) {
    const before = JSON.parse(fs.readFileSync(values.compare, 'utf8')) as Record<string, Json>;
    let differing = 0;
    for (const key of new Set([...Object.keys(before), ...Object.keys(answers)])) {
      const out: string[] = [];
      differences(before[key] ?? null, answers[key] ?? null, '', out);
      if (out.length === 0) continue;
      differing++;
      process.stdout.write(`DIFFERS ${key}\n${out.map((line) => `  ${line}`).join('\n')}\n`);
    }
    process.stdout.write(`${differing} of ${Object.keys(answers).length} answers differ from ${values.compare}\n`);
    if (differing > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
