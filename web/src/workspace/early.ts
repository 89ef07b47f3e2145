import type { EarlyOperation, EarlyResult } from '../apollo/early';
import { printForApollo } from '../apollo/print-for-apollo';
import { WORKSPACE_QUERY, type Workspace } from './graphql/workspace.query';

/** The Workspace query as the app shell asks it; index.html's inline script sends this text. */
export function workspaceOperation(): EarlyOperation {
  return { operationName: 'Workspace', query: printForApollo(WORKSPACE_QUERY), variables: {} };
}

/** The workspace in an early answer, or null when it has none of the expected shape. */
export function workspaceOf(result: EarlyResult | null): Workspace | null {
  const workspace = result?.data['workspace'] as Workspace | null | undefined;
  if (!workspace || typeof workspace !== 'object') return null;
  return workspace.dataTo === null || typeof workspace.dataTo === 'string' ? workspace : null;
}
