import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const TOP_TERMS = /* GraphQL */ `
  query TopTerms($filter: Filter!, $sentiment: SentimentClass, $limit: Int) {
    topTerms(filter: $filter, sentiment: $sentiment, limit: $limit) {
      sentiment
      terms {
        term
        messages
      }
    }
  }
`;

export const TERMS_BENCH_QUERIES: BenchQuery[] = [
  {
    name: 'top terms, negative',
    query: TOP_TERMS,
    variables: { filter: BENCH_FILTER, sentiment: 'NEGATIVE', limit: 100 },
  },
  { name: 'top terms, all', query: TOP_TERMS, variables: { filter: BENCH_FILTER, limit: 50 } },
];
