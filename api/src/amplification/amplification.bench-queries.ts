import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const AMPLIFICATION = /* GraphQL */ `
  query Amplification($filter: Filter!, $top: Int) {
    amplification(filter: $filter, top: $top) {
      publicMessages
      shares
      quotes
      amplification
      reach
      negativeMessages
      amplifiedNegativeReach
      answeredNegativeReach
      missedNegativeReach
      pendingNegativeReach
      topPosts {
        interactionId
        createdAt
        brand
        channel
        authorHandle
        text
        sentiment
        shares
        quotes
        amplification
        reach
        answered
      }
    }
  }
`;

export const AMPLIFICATION_BENCH_QUERIES: BenchQuery[] = [
  { name: 'amplification', query: AMPLIFICATION, variables: { filter: BENCH_FILTER, top: 10 } },
];
