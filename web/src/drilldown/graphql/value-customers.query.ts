import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';
import type { ServiceExperience } from '../../value/graphql/service-value.query';
import type { Population } from '../drill';
import type { PageInfo } from './messages.query';

/** Schema type `ValueCustomer`: a customer behind a value figure. */
export interface ValueCustomer {
  customerId: string;
  segment: string;
  experience: ServiceExperience;
  cohort: string | null;
  predictedClv: number | null;
  pAlive: number | null;
  historicalValue: number | null;
}

export interface ValueCustomersQueryData {
  valueCustomers: { totalCount: number; nodes: ValueCustomer[]; pageInfo: PageInfo };
}

export interface ValueCustomersQueryVariables {
  filter: Filter;
  population: Population;
  first: number;
  after?: string | null;
}

export const VALUE_CUSTOMERS_QUERY: TypedDocumentNode<ValueCustomersQueryData, ValueCustomersQueryVariables> = gql`
  query ValueCustomers($filter: Filter!, $population: ValuePopulation!, $first: Int, $after: String) {
    valueCustomers(filter: $filter, population: $population, first: $first, after: $after) {
      totalCount
      nodes {
        customerId
        segment
        experience
        cohort
        predictedClv
        pAlive
        historicalValue
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
