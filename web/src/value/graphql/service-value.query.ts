import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

export type ServiceExperience = 'NO_CONTACT' | 'ANSWERED_FAST' | 'ANSWERED_SLOW' | 'MISSED';

/** Schema type `Estimate`: a value with its bootstrap 95% interval; null without customers. */
export interface Estimate {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

export interface ServiceValueRow {
  segment: string;
  experience: ServiceExperience;
  customers: number;
  clv: Estimate;
  repeatPurchaseRate: Estimate;
  retention: Estimate;
}

export interface ServiceUplift {
  segment: string;
  clv: Estimate;
  repeatPurchaseRate: Estimate;
  retention: Estimate;
}

export interface ClvDistribution {
  segment: string;
  customers: number;
  /** p10, p25, p50, p75, p90 of predicted CLV. */
  quantiles: number[];
}

export interface ServiceValueReport {
  runId: string | null;
  bootstrapSamples: number;
  valueAtRisk: number;
  customersAtRisk: number;
  rows: ServiceValueRow[];
  uplift: ServiceUplift[];
  distribution: ClvDistribution[];
}

export interface ServiceValueQueryData {
  serviceValue: ServiceValueReport;
}

const ESTIMATE = '{ estimate low high }';

export const SERVICE_VALUE_QUERY: TypedDocumentNode<ServiceValueQueryData, { filter: Filter }> = gql`
  query ServiceValue($filter: Filter!) {
    serviceValue(filter: $filter) {
      runId
      bootstrapSamples
      valueAtRisk
      customersAtRisk
      rows { segment experience customers clv ${ESTIMATE} repeatPurchaseRate ${ESTIMATE} retention ${ESTIMATE} }
      uplift { segment clv ${ESTIMATE} repeatPurchaseRate ${ESTIMATE} retention ${ESTIMATE} }
      distribution { segment customers quantiles }
    }
  }
`;
