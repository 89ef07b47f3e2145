import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';
import type { Estimate } from './service-value.query';

export type PurchaseExperience = 'NO_CONTACT' | 'ANSWERED_FAST' | 'ANSWERED_SLOW' | 'MISSED' | 'MISSED_NEGATIVE';

/** Schema type `ServiceEffect`: order value under an experience ÷ the same customers' with no contact. */
export interface ServiceEffect {
  experience: PurchaseExperience;
  estimate: number | null;
  low: number | null;
  high: number | null;
  customers: number;
  purchases: number;
}

export interface ServiceEffectsQueryData {
  serviceEffects: {
    bootstrapSamples: number;
    customers: number;
    effects: ServiceEffect[];
    upliftFastOverMissedNegative: Estimate;
  };
}

export const SERVICE_EFFECTS_QUERY: TypedDocumentNode<ServiceEffectsQueryData, { filter: Filter }> = gql`
  query ServiceEffects($filter: Filter!) {
    serviceEffects(filter: $filter) {
      bootstrapSamples
      customers
      effects {
        experience
        estimate
        low
        high
        customers
        purchases
      }
      upliftFastOverMissedNegative {
        estimate
        low
        high
      }
    }
  }
`;
