import { gql, type TypedDocumentNode } from '@apollo/client';

/** Schema enum `Role`. */
export type Role = 'VIEWER' | 'ANALYST' | 'ADMIN';

/** Schema type `Caller`: the signed-in key and its role. */
export interface Caller {
  keyId: string;
  role: Role;
}

export const CALLER_QUERY: TypedDocumentNode<{ caller: Caller }, Record<string, never>> = gql`
  query Caller {
    caller {
      keyId
      role
    }
  }
`;
