import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

/** Schema types of the `overview` query (DateTime as ISO-8601 strings). */
export interface Period {
  from: string;
  to: string;
}

export interface OverviewFigures {
  inbound: number;
  replied: number;
  /** Fraction 0..1; null without inbound messages. */
  responseRate: number | null;
  pending: number;
  missed: number;
  botReplied: number;
  frtP50Seconds: number | null;
  frtP90Seconds: number | null;
  /** -100..100; null without positive or negative messages. */
  netSentiment: number | null;
  amplifiedNegativeReach: number;
  activeCustomers: number;
  historicalValue: number;
}

export interface TrendPoint {
  bucket: string;
  inbound: number;
  responseRate: number | null;
  netSentiment: number | null;
}

export interface Overview {
  period: Period;
  comparePeriod: Period;
  current: OverviewFigures;
  previous: OverviewFigures;
  trend: TrendPoint[];
}

export interface OverviewQueryData {
  overview: Overview;
}

export interface OverviewQueryVariables {
  filter: Filter;
}

const FIGURES = `
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
`;

export const OVERVIEW_QUERY: TypedDocumentNode<OverviewQueryData, OverviewQueryVariables> = gql`
  query Overview($filter: Filter!) {
    overview(filter: $filter) {
      period { from to }
      comparePeriod { from to }
      current { ${FIGURES} }
      previous { ${FIGURES} }
      trend { bucket inbound responseRate netSentiment }
    }
  }
`;
