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
