import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const SENTIMENT = /* GraphQL */ `
  query Sentiment($filter: Filter!, $groupBy: GroupBy, $trendInterval: TrendInterval) {
    sentiment(filter: $filter, groupBy: $groupBy, trendInterval: $trendInterval) {
      total {
        inbound
        positive
        neutral
        negative
        unscored
        positiveShare
        negativeShare
        average
        netSentiment
      }
      rows {
        key
        inbound
        positive
        neutral
        negative
        average
        netSentiment
      }
      trendInterval
      trend {
        key
        inbound
        positive
        negative
        netSentiment
      }
      lift {
        pairs
        averageLift
        improved
        worsened
        improvedShare
        worsenedShare
      }
    }
  }
`;

export const SENTIMENT_BENCH_QUERIES: BenchQuery[] = [
  { name: 'sentiment total and trend', query: SENTIMENT, variables: { filter: BENCH_FILTER } },
  { name: 'sentiment by brand', query: SENTIMENT, variables: { filter: BENCH_FILTER, groupBy: 'BRAND' } },
  {
    name: 'sentiment by segment, weekly',
    query: SENTIMENT,
    variables: { filter: BENCH_FILTER, groupBy: 'SEGMENT', trendInterval: 'WEEK' },
  },
];
