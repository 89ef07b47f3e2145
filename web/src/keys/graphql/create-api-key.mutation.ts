import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../auth/graphql/caller.query';
import type { ApiKeyInfo } from './api-keys.query';

export interface CreateApiKeyData {
  createApiKey: { key: ApiKeyInfo; secret: string };
}

/** The secret is in this answer only: the api keeps its hash. */
export const CREATE_API_KEY_MUTATION: TypedDocumentNode<CreateApiKeyData, { name: string; role: Role }> = gql`
  mutation CreateApiKey($name: String!, $role: Role!) {
    createApiKey(name: $name, role: $role) {
      key {
        id
        name
        role
        createdAt
        revokedAt
      }
      secret
    }
  }
`;
