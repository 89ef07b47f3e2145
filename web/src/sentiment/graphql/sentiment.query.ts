import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

export type GroupBy =
  'AGENT' | 'BRAND' | 'CHANNEL' | 'DAY' | 'HOUR_OF_WEEK' | 'LIFECYCLE_STAGE' | 'MONTH' | 'SEGMENT' | 'WEEK';
export type TrendInterval = 'DAY' | 'WEEK';

/** Schema type `SentimentFigures`. Shares are of scored messages; null when none is scored. */
export interface SentimentFigures {
  key: string;
  inbound: number;
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
  positiveShare: number | null;
  negativeShare: number | null;
  netSentiment: number | null;
  average: number | null;
}

export interface SentimentLift {
  pairs: number;
  averageLift: number | null;
  improved: number;
  worsened: number;
  improvedShare: number | null;
  worsenedShare: number | null;
}

export interface SentimentReport {
  total: SentimentFigures;
  rows: SentimentFigures[];
  trend: SentimentFigures[];
  trendInterval: TrendInterval;
  lift: SentimentLift;
}

export interface SentimentQueryData {
  sentiment: SentimentReport;
}

export interface SentimentQueryVariables {
  filter: Filter;
  groupBy: GroupBy;
}

const FIGURES = 'key inbound positive neutral negative unscored positiveShare negativeShare netSentiment average';

export const SENTIMENT_QUERY: TypedDocumentNode<SentimentQueryData, SentimentQueryVariables> = gql`
  query Sentiment($filter: Filter!, $groupBy: GroupBy) {
    sentiment(filter: $filter, groupBy: $groupBy) {
      total { ${FIGURES} }
      rows { ${FIGURES} }
      trend { ${FIGURES} }
      trendInterval
      lift { pairs averageLift improved worsened improvedShare worsenedShare }
    }
  }
`;
