import { gql, type TypedDocumentNode } from '@apollo/client';

/** Schema types of the `workspace` query (DateTime as ISO-8601 strings). */
export interface Brand {
  brand: string;
  name: string;
  isOwn: boolean;
}

export interface Workspace {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  slaHours: number;
  brands: Brand[];
  segments: string[];
  channels: string[];
  /** First and last interaction time; null in a workspace without data. */
  dataFrom: string | null;
  dataTo: string | null;
}

export interface WorkspaceQueryData {
  workspace: Workspace;
}

export const WORKSPACE_QUERY: TypedDocumentNode<WorkspaceQueryData, Record<string, never>> = gql`
  query Workspace {
    workspace {
      id
      name
      currency
      timezone
      slaHours
      brands {
        brand
        name
        isOwn
      }
      segments
      channels
      dataFrom
      dataTo
    }
  }
`;
