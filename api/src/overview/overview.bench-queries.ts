import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

/** What the dashboard's Overview page asks (web/src/overview), field for field. */
const OVERVIEW = /* GraphQL */ `
  query Overview($filter: Filter!) {
    overview(filter: $filter) {
      period {
        from
        to
      }
      comparePeriod {
        from
        to
      }
      current {
        inbound
        replied
        responseRate
        pending
        missed
        botReplied
        frtP50Seconds
        frtP90Seconds
        netSentiment
        amplifiedNegativeReach
        activeCustomers
        historicalValue
      }
      previous {
        inbound
        replied
        responseRate
        pending
        missed
        botReplied
        frtP50Seconds
        frtP90Seconds
        netSentiment
        amplifiedNegativeReach
        activeCustomers
        historicalValue
      }
      trend {
        bucket
        inbound
        responseRate
        netSentiment
      }
    }
  }
`;

export const OVERVIEW_BENCH_QUERIES: BenchQuery[] = [
  { name: 'overview', query: OVERVIEW, variables: { filter: BENCH_FILTER } },
  {
    name: 'overview, twitter + facebook',
    query: OVERVIEW,
    variables: { filter: { ...BENCH_FILTER, channels: ['twitter', 'facebook'] } },
  },
  {
    name: 'overview, one segment',
    query: OVERVIEW,
    variables: { filter: { ...BENCH_FILTER, segments: ['enterprise'] } },
  },
  {
    name: 'overview, all brands, public only',
    query: OVERVIEW,
    variables: { filter: { ...BENCH_FILTER, publicOnly: true, brands: [] } },
  },
];
