import { gql, type TypedDocumentNode } from '@apollo/client';

export const REVOKE_API_KEY_MUTATION: TypedDocumentNode<{ revokeApiKey: boolean }, { id: string }> = gql`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`;
