import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

export interface CustomerSummary {
  id: string;
  name: string;
  email: string;
  segment: string;
  lifecycleStage: string;
  country: string;
  firstSeenAt: string;
}

export interface SearchCustomersData {
  searchCustomers: { nodes: CustomerSummary[]; pageInfo: PageInfo };
}

export const SEARCH_CUSTOMERS_QUERY: TypedDocumentNode<
  SearchCustomersData,
  { query: string; first: number; after?: string | null }
> = gql`
  query SearchCustomers($query: String!, $first: Int, $after: String) {
    searchCustomers(query: $query, first: $first, after: $after) {
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
