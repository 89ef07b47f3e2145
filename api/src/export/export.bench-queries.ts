import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const MESSAGES = /* GraphQL */ `
  query Messages($filter: Filter!, $first: Int) {
    messages(filter: $filter, first: $first) {
      nodes {
        id
        createdAt
        brand
        channel
        isPublic
        customerId
        segment
        author
        text
        lang
        sentiment
        sentimentClass
        status
        firstReplyAt
        replySeconds
        replyAgent
        botReplyAt
        shares
        quotes
        impressions
        reach
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

/**
 * The rows behind the figures, one page (analyst key). The CSV stream itself is
 * GET /api/export/messages.csv?from=…&to=… (see export.controller.ts); it is timed in rows/s.
 */
export const EXPORT_BENCH_QUERIES: BenchQuery[] = [
  { name: 'messages (raw rows, one page)', query: MESSAGES, variables: { filter: BENCH_FILTER, first: 100 } },
  {
    name: 'messages (twitter, public)',
    query: MESSAGES,
    variables: { filter: { ...BENCH_FILTER, channels: ['twitter'], publicOnly: true }, first: 100 },
  },
];
