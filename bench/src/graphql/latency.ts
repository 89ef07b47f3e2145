import type { Database } from '@resonance/sql';
import { latency, timed, type Latency, type Sample } from '../stats';
import { inPeriod, operation, OPERATIONS, PAGES, type BenchQuery, type Period } from './operations';

export interface GraphqlTarget {
  url: string;
  apiKey: string;
  db: Database;
  /** Drops the api's cached results of the workspace (ResultCache.invalidate). */
  dropResultCache(): void;
}

export interface OperationLatency {
  name: string;
  cold: Latency;
  warm: Latency;
}

/** The request every page waits for before sending its own (pages.json's name for it). */
const FIRST_REQUEST = 'Workspace';

export interface PageLatency {
  page: string;
  operations: readonly string[];
  cold: Latency;
}

interface GraphqlBody {
  data?: unknown;
  errors?: { message: string }[];
}

/** One request through HTTP; an error in the answer stops the benchmark (a figure of a failure is no figure). */
export async function request(target: GraphqlTarget, op: BenchQuery): Promise<void> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}` },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
  });
  const body = (await response.json()) as GraphqlBody;
  if (!response.ok || body.errors?.length) {
    throw new Error(`${op.name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
}

/**
 * Cold: the api's result cache dropped and ClickHouse's mark and uncompressed caches too (the OS
 * page cache stays: it cannot be dropped without root on another process's files).
 */
async function dropCaches(target: GraphqlTarget): Promise<void> {
  target.dropResultCache();
  for (const query of ['SYSTEM DROP MARK CACHE', 'SYSTEM DROP UNCOMPRESSED CACHE']) {
    await target.db.client.command({ query });
  }
}

/** Each operation over each period, `repeats` times cold, then as often warm (the same request again). */
export async function measureOperations(
  target: GraphqlTarget,
  periods: readonly Period[],
  repeats: number,
  onProgress: (line: string) => void,
  only: readonly string[] | null = null,
): Promise<OperationLatency[]> {
  const results: OperationLatency[] = [];
  for (const base of OPERATIONS.filter((op) => !only || only.includes(op.name))) {
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    for (const period of periods) {
      const op = inPeriod(base, period);
      for (let r = 0; r < repeats; r++) {
        await dropCaches(target);
        cold.push(await timed(() => request(target, op)));
        warm.push(await timed(() => request(target, op)));
      }
    }
    const result = { name: base.name, cold: latency(cold), warm: latency(warm) };
    onProgress(
      `  ${base.name}: cold p95 ${result.cold.p95Ms} ms (CPU ${result.cold.cpuP95Ms} ms), warm p95 ${result.warm.p95Ms} ms`,
    );
    results.push(result);
  }
  return results;
}

/**
 * A page's requests sent as the dashboard sends them, from cold caches: the Workspace query first
 * (the dashboard renders once the workspace is known, web/src/main.tsx), then the page's own
 * together; time until the last answer. With `only`, the pages that send one of those operations.
 */
export async function measurePages(
  target: GraphqlTarget,
  periods: readonly Period[],
  repeats: number,
  only: readonly string[] | null = null,
): Promise<PageLatency[]> {
  const results: PageLatency[] = [];
  for (const [page, names] of Object.entries(PAGES)) {
    if (only && !names.some((name) => only.includes(name))) continue;
    const samples: Sample[] = [];
    for (const period of periods) {
      const ops = names.map((name) => inPeriod(operation(name), period));
      const first = ops.filter((op) => op.name === FIRST_REQUEST);
      const rest = ops.filter((op) => op.name !== FIRST_REQUEST);
      for (let r = 0; r < repeats; r++) {
        await dropCaches(target);
        samples.push(
          await timed(async () => {
            for (const op of first) await request(target, op);
            await Promise.all(rest.map((op) => request(target, op)));
          }),
        );
      }
    }
    results.push({ page, operations: names, cold: latency(samples) });
  }
  return results;
}

/**
 * Baselines of the same run: an empty GraphQL round trip (`{ __typename }`: HTTP, auth, Nest and
 * Apollo, no ClickHouse) and ClickHouse alone counting the period's interactions of the workspace
 * with FINAL (reading the table at all), so each operation's p50 reads as a multiple of them.
 */
export async function measureBaselines(
  target: GraphqlTarget,
  workspaceId: string,
  periods: readonly Period[],
  repeats: number,
): Promise<{ roundTrip: Latency; scan: Latency }> {
  const trip: BenchQuery = { name: '__typename', query: '{ __typename }', variables: {} };
  const roundTrip: Sample[] = [];
  const scan: Sample[] = [];
  for (const period of periods) {
    for (let r = 0; r < repeats; r++) {
      roundTrip.push(await timed(() => request(target, trip)));
      await dropCaches(target);
      scan.push(
        await timed(async () => {
          const result = await target.db.client.query({
            query:
              'SELECT count() AS n FROM interactions FINAL WHERE workspace_id = {w:String} ' +
              'AND created_at >= parseDateTime64BestEffort({from:String}, 3) AND created_at < parseDateTime64BestEffort({to:String}, 3)',
            query_params: { w: workspaceId, from: period.from, to: period.to },
            format: 'JSONEachRow',
          });
          await result.json();
        }),
      );
    }
  }
  return { roundTrip: latency(roundTrip), scan: latency(scan) };
}
