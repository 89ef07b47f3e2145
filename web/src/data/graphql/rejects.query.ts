import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

export interface Reject {
  file: string;
  line: number;
  reason: string;
  raw: string;
  rejectedAt: string;
}

export interface RejectsData {
  rejects: { nodes: Reject[]; pageInfo: PageInfo };
}

export const REJECTS_QUERY: TypedDocumentNode<RejectsData, { runId: string; first: number; after?: string | null }> =
  gql`
    query Rejects($runId: ID!, $first: Int, $after: String) {
      rejects(runId: $runId, first: $first, after: $after) {
        nodes {
          file
          line
          reason
          raw
          rejectedAt
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  `;
