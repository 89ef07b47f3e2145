import { createContext, useContext } from 'react';
import type { Workspace } from '../graphql/workspace.query';

/** The signed-in workspace; the app shell loads it once and renders pages only when it is known. */
export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() outside the app shell');
  return workspace;
}
