import { AMPLIFICATION_BENCH_QUERIES } from '@resonance/api/dist/amplification/amplification.bench-queries';
import { CUSTOMERS_BENCH_QUERIES } from '@resonance/api/dist/customers/customers.bench-queries';
import { DATA_BENCH_QUERIES } from '@resonance/api/dist/data/data.bench-queries';
import { EXPORT_BENCH_QUERIES } from '@resonance/api/dist/export/export.bench-queries';
import { GAP_QUEUE_BENCH_QUERIES } from '@resonance/api/dist/gap-queue/gap-queue.bench-queries';
import { OVERVIEW_BENCH_QUERIES } from '@resonance/api/dist/overview/overview.bench-queries';
import { RESPONSE_BENCH_QUERIES, type BenchQuery } from '@resonance/api/dist/response/response.bench-queries';
import { SENTIMENT_BENCH_QUERIES } from '@resonance/api/dist/sentiment/sentiment.bench-queries';
import { SHARE_OF_VOICE_BENCH_QUERIES } from '@resonance/api/dist/share-of-voice/share-of-voice.bench-queries';
import { TERMS_BENCH_QUERIES } from '@resonance/api/dist/terms/terms.bench-queries';
import { WORKSPACE_BENCH_QUERIES } from '@resonance/api/dist/workspace/workspace.bench-queries';
import { PAGE_REQUESTS, requestName, type PageRequest } from './pages';

export type { BenchQuery };

/**
 * Each page's requests as the dashboard sends them (pages.json), once each: a request two pages
 * send (the sentiment by channel of the Response and Sentiment pages) is one operation. Two
 * requests of one name must be the same request, or the tables would time one for both.
 */
export function pageOperations(pages: Readonly<Record<string, readonly PageRequest[]>>): BenchQuery[] {
  const byName = new Map<string, BenchQuery>();
  for (const request of Object.values(pages).flat()) {
    const name = requestName(request);
    const seen = byName.get(name);
    if (seen && seen.query !== request.query) throw new Error(`pages.json: two different requests named "${name}"`);
    byName.set(name, { name, query: request.query, variables: request.variables });
  }
  return [...byName.values()];
}

/**
 * A page's requests with the filter narrowed (those that take a filter), named by requestName with
 * the narrowing: "ServiceValue (segments: enterprise)".
 */
export function narrowedRequests(requests: readonly PageRequest[], narrowing: Record<string, unknown>): PageRequest[] {
  return requests
    .filter((request) => 'filter' in request.variables)
    .map((request) => ({
      ...request,
      variables: { ...request.variables, filter: { ...(request.variables['filter'] as object), ...narrowing } },
    }));
}

/**
 * Every dashboard operation: those the api's features export for benchmarking (with their filter
 * variants), every request of the dashboard's pages, and the Value page's for one segment (the
 * segments filter reaches its queries as a subquery on customer_value: customerFilter in
 * sql/src/filter.ts).
 */
export const OPERATIONS: readonly BenchQuery[] = [
  ...WORKSPACE_BENCH_QUERIES,
  ...OVERVIEW_BENCH_QUERIES,
  ...RESPONSE_BENCH_QUERIES,
  ...GAP_QUEUE_BENCH_QUERIES,
  ...SENTIMENT_BENCH_QUERIES,
  ...TERMS_BENCH_QUERIES,
  ...SHARE_OF_VOICE_BENCH_QUERIES,
  ...AMPLIFICATION_BENCH_QUERIES,
  ...EXPORT_BENCH_QUERIES,
  ...CUSTOMERS_BENCH_QUERIES,
  ...DATA_BENCH_QUERIES,
  ...pageOperations(PAGE_REQUESTS),
  ...pageOperations({ Value: narrowedRequests(PAGE_REQUESTS['Value'] ?? [], { segments: ['enterprise'] }) }),
];

/**
 * The dashboard's pages and the operations each sends on opening (pages.json, recorded from the
 * browser): the Workspace query, then, once it has answered, the page's own (measurePages).
 */
export const PAGES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(PAGE_REQUESTS).map(([page, requests]) => [page, [...new Set(requests.map(requestName))]]),
);

export function operation(name: string): BenchQuery {
  const found = OPERATIONS.find((op) => op.name === name);
  if (!found) throw new Error(`no benchmark operation named "${name}"`);
  return found;
}

/**
 * The operations of a comma-separated list (bench --only). Names hold commas themselves ("top terms,
 * all"), so at each place the longest run of pieces that names an operation is taken. An unknown
 * name is an error, not an empty run.
 */
export function operationNames(list: string): string[] {
  const pieces = list.split(',');
  const known = (name: string) => OPERATIONS.some((op) => op.name === name);
  const names: string[] = [];
  for (let start = 0; start < pieces.length;) {
    let end = pieces.length;
    while (end > start && !known(pieces.slice(start, end).join(',').trim())) end--;
    // None matched: operation() says which name is unknown.
    if (end === start) operation(pieces[start]!.trim());
    names.push(pieces.slice(start, end).join(',').trim());
    start = end;
  }
  return names;
}

/** The operation over another period: every filter argument gets `from` and `to`. */
export function inPeriod(op: BenchQuery, period: Period): BenchQuery {
  if (!('filter' in op.variables)) return op;
  return { ...op, variables: { ...op.variables, filter: { ...(op.variables.filter as object), ...period } } };
}

export interface Period {
  from: string;
  to: string;
}
