import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

export interface ModelParameter {
  name: string;
  value: number;
}

export interface ModelRun {
  runId: string;
  model: string;
  segment: string;
  fittedAt: string;
  customers: number;
  logLikelihood: number;
  pooled: boolean;
  note: string;
  horizonMonths: number;
  monthlyDiscount: number;
  calibrationEnd: string;
  parameters: ModelParameter[];
  standardErrors: ModelParameter[];
}

export interface ModelRunsData {
  modelRuns: { nodes: ModelRun[]; pageInfo: PageInfo };
}

export const MODEL_RUNS_QUERY: TypedDocumentNode<ModelRunsData, { first: number; after?: string | null }> = gql`
  query ModelRuns($first: Int, $after: String) {
    modelRuns(first: $first, after: $after) {
      nodes {
        runId
        model
        segment
        fittedAt
        customers
        logLikelihood
        pooled
        note
        horizonMonths
        monthlyDiscount
        calibrationEnd
        parameters {
          name
          value
        }
        standardErrors {
          name
          value
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
