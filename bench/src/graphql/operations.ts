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

export type { BenchQuery };

// The Value page's operations have no bench-queries file in the api; these ask what
// web/src/value/graphql asks, field for field.
const ESTIMATE = '{ estimate low high }';
const VALUE_BENCH_QUERIES: BenchQuery[] = [
  {
    name: 'serviceValue',
    query: /* GraphQL */ `
      query ServiceValue($filter: Filter!) {
        serviceValue(filter: $filter) {
          runId
          bootstrapSamples
          valueAtRisk
          customersAtRisk
          rows { segment experience customers clv ${ESTIMATE} repeatPurchaseRate ${ESTIMATE} retention ${ESTIMATE} }
          uplift { segment clv ${ESTIMATE} repeatPurchaseRate ${ESTIMATE} retention ${ESTIMATE} }
          distribution { segment customers quantiles }
        }
      }
    `,
    variables: { filter: {} },
  },
  {
    name: 'cohortRetention',
    query: /* GraphQL */ `
      query CohortRetention($filter: Filter!) {
        cohortRetention(filter: $filter) {
          cohort
          experience
          customers
          retention
        }
      }
    `,
    variables: { filter: {} },
  },
  {
    name: 'customersAtRisk',
    query: /* GraphQL */ `
      query CustomersAtRisk($filter: Filter!, $limit: Int) {
        customersAtRisk(filter: $filter, limit: $limit) {
          customerId
          segment
          predictedClv
          pAlive
          missedNegativeMessages
          lastMissedAt
          lastChannel
          lastInteractionId
        }
      }
    `,
    variables: { filter: {}, limit: 20 },
  },
];

/** Every dashboard operation the api's features export for benchmarking, plus the Value page's. */
export const OPERATIONS: readonly BenchQuery[] = [
  ...WORKSPACE_BENCH_QUERIES,
  ...OVERVIEW_BENCH_QUERIES,
  ...RESPONSE_BENCH_QUERIES,
  ...GAP_QUEUE_BENCH_QUERIES,
  ...SENTIMENT_BENCH_QUERIES,
  ...TERMS_BENCH_QUERIES,
  ...SHARE_OF_VOICE_BENCH_QUERIES,
  ...AMPLIFICATION_BENCH_QUERIES,
  ...VALUE_BENCH_QUERIES,
  ...EXPORT_BENCH_QUERIES,
  ...CUSTOMERS_BENCH_QUERIES,
  ...DATA_BENCH_QUERIES,
];

/**
 * The dashboard's pages and the operations each sends at once on opening (web/src/<page>/graphql):
 * the workspace query first on every page, then the page's own.
 */
export const PAGES: Readonly<Record<string, readonly string[]>> = {
  Overview: ['workspace', 'overview'],
  Response: ['workspace', 'response total', 'gap queue first page'],
  Sentiment: ['workspace', 'sentiment total and trend', 'top terms, all', 'share of voice', 'amplification'],
  Value: ['workspace', 'serviceValue', 'cohortRetention', 'customersAtRisk'],
};

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
