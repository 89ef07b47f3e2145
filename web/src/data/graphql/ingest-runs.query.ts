import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

export interface IngestRun {
  id: string;
  source: string;
  files: string[];
  status: string;
  message: string;
  startedAt: string;
  finishedAt: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsUnscored: number;
}

export interface IngestRunsData {
  ingestRuns: { nodes: IngestRun[]; pageInfo: PageInfo };
}

export const INGEST_RUNS_QUERY: TypedDocumentNode<IngestRunsData, { first: number; after?: string | null }> = gql`
  query IngestRuns($first: Int, $after: String) {
    ingestRuns(first: $first, after: $after) {
      nodes {
        id
        source
        files
        status
        message
        startedAt
        finishedAt
        rowsRead
        rowsLoaded
        rowsRejected
        rowsUnscored
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
