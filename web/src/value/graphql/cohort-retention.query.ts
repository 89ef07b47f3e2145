import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';
import type { ServiceExperience } from './service-value.query';

/** Schema type `CohortRetention`: retention[k] = share purchasing k months after the cohort month. */
export interface CohortRetention {
  cohort: string;
  experience: ServiceExperience;
  customers: number;
  retention: number[];
}

export const COHORT_RETENTION_QUERY: TypedDocumentNode<{ cohortRetention: CohortRetention[] }, { filter: Filter }> =
  gql`
    query CohortRetention($filter: Filter!) {
      cohortRetention(filter: $filter) {
        cohort
        experience
        customers
        retention
      }
    }
  `;
