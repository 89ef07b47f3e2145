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
const LIFT = 'pairs averageLift improved worsened improvedShare worsenedShare';

export const SENTIMENT_QUERY: TypedDocumentNode<SentimentQueryData, SentimentQueryVariables> = gql`
  query Sentiment($filter: Filter!, $groupBy: GroupBy) {
    sentiment(filter: $filter, groupBy: $groupBy) {
      total { ${FIGURES} }
      rows { ${FIGURES} }
      trend { ${FIGURES} }
      trendInterval
      lift { ${LIFT} }
    }
  }
`;

/*
 * Narrower requests for the cards that show less: the api runs only the queries the selected fields
 * need (sentimentParts in api/src/sentiment): rows alone need no trend, the trend and the lift no
 * grouping.
 */

/** Rows per group alone: the Sentiment page's table by brand. */
export const SENTIMENT_ROWS_QUERY: TypedDocumentNode<
  { sentiment: Pick<SentimentReport, 'rows'> },
  SentimentQueryVariables
> = gql`
  query SentimentByGroup($filter: Filter!, $groupBy: GroupBy) {
    sentiment(filter: $filter, groupBy: $groupBy) {
      rows { ${FIGURES} }
    }
  }
`;

export type SentimentTrendReport = Pick<SentimentReport, 'total' | 'trend' | 'trendInterval'>;

/** The trend and its total, no grouping: the Sentiment page's trend of one channel or brand. */
export const SENTIMENT_TREND_QUERY: TypedDocumentNode<{ sentiment: SentimentTrendReport }, { filter: Filter }> = gql`
  query SentimentTrend($filter: Filter!) {
    sentiment(filter: $filter) {
      total { ${FIGURES} }
      trend { ${FIGURES} }
      trendInterval
    }
  }
`;

/** The lift after a reply alone: the Response page's card. */
export const SENTIMENT_LIFT_QUERY: TypedDocumentNode<{ sentiment: Pick<SentimentReport, 'lift'> }, { filter: Filter }> =
  gql`
    query SentimentLift($filter: Filter!) {
      sentiment(filter: $filter) {
        lift { ${LIFT} }
      }
    }
  `;
