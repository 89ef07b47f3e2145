import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

export type SentimentClass = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export interface Term {
  term: string;
  messages: number;
}

export interface TopTermsQueryData {
  topTerms: { sentiment: SentimentClass | null; terms: Term[] };
}

export interface TopTermsQueryVariables {
  filter: Filter;
  limit: number;
  sentiment?: SentimentClass;
}

export const TOP_TERMS_QUERY: TypedDocumentNode<TopTermsQueryData, TopTermsQueryVariables> = gql`
  query TopTerms($filter: Filter!, $limit: Int, $sentiment: SentimentClass) {
    topTerms(filter: $filter, limit: $limit, sentiment: $sentiment) {
      sentiment
      terms {
        term
        messages
      }
    }
  }
`;
