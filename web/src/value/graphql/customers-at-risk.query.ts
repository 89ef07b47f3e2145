import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

/** Schema type `CustomerAtRisk`: a missed negative message in the period. */
export interface CustomerAtRisk {
  customerId: string;
  segment: string;
  predictedClv: number;
  pAlive: number;
  missedNegativeMessages: number;
  lastMissedAt: string;
  lastChannel: string;
  lastInteractionId: string;
}

export const CUSTOMERS_AT_RISK_QUERY: TypedDocumentNode<
  { customersAtRisk: CustomerAtRisk[] },
  { filter: Filter; limit: number }
> = gql`
  query CustomersAtRisk($filter: Filter!, $limit: Int) {
    customersAtRisk(filter: $filter, limit: $limit) {
      customerId
      segment
      predictedClv
      pAlive
      missedNegativeMessages
      lastMissedAt
      lastChannel
      lastInteractionId
    }
  }
`;
