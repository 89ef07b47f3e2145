import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../auth/graphql/caller.query';

/** Schema type `ApiKeyInfo` (DateTime as ISO strings): a key of the workspace, never its secret. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export const API_KEYS_QUERY: TypedDocumentNode<{ apiKeys: ApiKeyInfo[] }, Record<string, never>> = gql`
  query ApiKeys {
    apiKeys {
      id
      name
      role
      createdAt
      revokedAt
    }
  }
`;
