import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';
import type { GroupBy } from '../../sentiment/graphql/sentiment.query';

/** Schema type `ResponseFigures` (seconds; null: nothing to compute from). */
export interface ResponseFigures {
  key: string;
  inbound: number;
  replied: number;
  pending: number;
  missed: number;
  botReplied: number;
  responseRate: number | null;
  frtP50Seconds: number | null;
  frtP90Seconds: number | null;
  frtP95Seconds: number | null;
  frtMeanSeconds: number | null;
  businessFrtP50Seconds: number | null;
  businessFrtP90Seconds: number | null;
}

export interface ResponseQueryData {
  response: { total: ResponseFigures; rows: ResponseFigures[] };
}

const FIGURES = `key inbound replied pending missed botReplied responseRate frtP50Seconds frtP90Seconds frtP95Seconds
  frtMeanSeconds businessFrtP50Seconds businessFrtP90Seconds`;

export const RESPONSE_QUERY: TypedDocumentNode<ResponseQueryData, { filter: Filter; groupBy: GroupBy }> = gql`
  query Response($filter: Filter!, $groupBy: GroupBy) {
    response(filter: $filter, groupBy: $groupBy) {
      total { ${FIGURES} }
      rows { ${FIGURES} }
    }
  }
`;

/** The heatmap's figures of one hour of the week: what it draws (the median) and its tooltip shows. */
export type HourOfWeekFigures = Pick<ResponseFigures, 'key' | 'inbound' | 'responseRate' | 'frtP50Seconds'>;

export interface HourOfWeekResponseQueryData {
  response: { rows: HourOfWeekFigures[] };
}

/**
 * The heatmap's request: per hour of the week, no total, and of the FRT figures the median alone.
 * The api computes only what a request selects, so this costs about half the full Response
 * request's CPU over a long period (bench/README.md).
 */
export const HOUR_OF_WEEK_RESPONSE_QUERY: TypedDocumentNode<HourOfWeekResponseQueryData, { filter: Filter }> = gql`
  query ResponseByHourOfWeek($filter: Filter!) {
    response(filter: $filter, groupBy: HOUR_OF_WEEK) {
      rows {
        key
        inbound
        responseRate
        frtP50Seconds
      }
    }
  }
`;
