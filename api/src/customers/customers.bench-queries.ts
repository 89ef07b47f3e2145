import type { BenchQuery } from '../response/response.bench-queries';

const SEARCH = /* GraphQL */ `
  query SearchCustomers($query: String!, $first: Int) {
    searchCustomers(query: $query, first: $first) {
      nodes {
        id
        name
        email
        segment
        lifecycleStage
        country
        firstSeenAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;

const CUSTOMER = /* GraphQL */ `
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      name
      email
      segment
      lifecycleStage
      country
      firstSeenAt
      identities {
        kind
        handle
        followers
      }
      value {
        transactions
        historicalValue
        predictedClv
        pAlive
        expectedPurchases
        modelRunId
        predictedAt
      }
      timeline(first: 50) {
        nodes {
          kind
          id
          at
          channel
          brand
          isPublic
          author
          text
          sentiment
          inReplyTo
          firstReplyAt
          firstResponseSeconds
          firstBotReplyAt
          transactionKind
          amount
          currency
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`;

/** Customers page operations; ids as the demo / bench generator writes them (cus_000001 …). Analyst key. */
export const CUSTOMERS_BENCH_QUERIES: BenchQuery[] = [
  { name: 'searchCustomers (name/e-mail/handle)', query: SEARCH, variables: { query: 'mar', first: 20 } },
  { name: 'searchCustomers (rare text)', query: SEARCH, variables: { query: 'zzq', first: 20 } },
  { name: 'customer 360 with timeline', query: CUSTOMER, variables: { id: 'cus_000042' } },
];
