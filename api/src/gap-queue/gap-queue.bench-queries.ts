import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const GAP_QUEUE = /* GraphQL */ `
  query GapQueue($filter: Filter!, $first: Int, $after: String) {
    gapQueue(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        interactionId
        createdAt
        ageSeconds
        brand
        channel
        isPublic
        text
        authorHandle
        sentiment
        reach
        customerId
        customerName
        customerSegment
        customerValue
      }
    }
  }
`;

export const GAP_QUEUE_BENCH_QUERIES: BenchQuery[] = [
  { name: 'gap queue first page', query: GAP_QUEUE, variables: { filter: BENCH_FILTER, first: 50 } },
  {
    name: 'gap queue public only',
    query: GAP_QUEUE,
    variables: { filter: { ...BENCH_FILTER, publicOnly: true }, first: 20 },
  },
];
