/** A GraphQL operation the benchmark times (bench/): its name, text and variables. */
export interface BenchQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The period every analytics bench operation asks for; a benchmark over data of other dates
 * replaces `variables.filter.from` / `to` (see withBenchPeriod).
 */
export const BENCH_FILTER = { from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

/** The same operations over another period (the benchmark's generated data). */
export function withBenchPeriod(queries: BenchQuery[], from: string, to: string): BenchQuery[] {
  return queries.map((q) => ({
    ...q,
    variables: { ...q.variables, filter: { ...(q.variables.filter as object), from, to } },
  }));
}

const RESPONSE = /* GraphQL */ `
  query Response($filter: Filter!, $groupBy: GroupBy) {
    response(filter: $filter, groupBy: $groupBy) {
      groupBy
      total {
        inbound
        replied
        responseRate
        pending
        missed
        botReplied
        frtP50Seconds
        frtP90Seconds
        frtP95Seconds
        frtMeanSeconds
        businessFrtP50Seconds
        businessFrtP90Seconds
        businessFrtP95Seconds
        businessFrtMeanSeconds
      }
      rows {
        key
        inbound
        replied
        responseRate
        pending
        missed
        botReplied
        frtP50Seconds
        frtP90Seconds
        businessFrtP50Seconds
        businessFrtP90Seconds
      }
    }
  }
`;

export const RESPONSE_BENCH_QUERIES: BenchQuery[] = [
  { name: 'response total', query: RESPONSE, variables: { filter: BENCH_FILTER } },
  { name: 'response by channel', query: RESPONSE, variables: { filter: BENCH_FILTER, groupBy: 'CHANNEL' } },
  { name: 'response by segment', query: RESPONSE, variables: { filter: BENCH_FILTER, groupBy: 'SEGMENT' } },
  { name: 'response by hour of week', query: RESPONSE, variables: { filter: BENCH_FILTER, groupBy: 'HOUR_OF_WEEK' } },
  {
    name: 'response by agent, twitter',
    query: RESPONSE,
    variables: { filter: { ...BENCH_FILTER, channels: ['twitter'] }, groupBy: 'AGENT' },
  },
];
