import type { IncomingMessage } from 'node:http';
import type { Role } from '@resonance/sql';

/** Who is calling: set by ApiKeyGuard from the key, and nowhere else. */
export interface Caller {
  workspaceId: string;
  role: Role;
  keyId: string;
}

export type GraphQLRequest = IncomingMessage & { caller?: Caller };

export interface GraphQLContext {
  req: GraphQLRequest;
}
