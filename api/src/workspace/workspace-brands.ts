import { cacheKey } from '../cache/cache-key';
import type { ResultCache } from '../cache/result-cache';
import type { BrandRow, WorkspaceRepository } from './workspace.repository';

/**
 * The workspace's brands through the result cache, one entry for every reader (the workspace
 * query, the own-brands default of every filter, share of voice): the data version includes the
 * brands (data/version.sql), so a page's requests read them once and an edit is seen by the next
 * request. Shared rows: callers must not change them.
 */
export function workspaceBrands(
  cache: ResultCache,
  workspaces: WorkspaceRepository,
  workspaceId: string,
): Promise<BrandRow[]> {
  return cache.cached(workspaceId, cacheKey('workspace/brands'), () => workspaces.brands(workspaceId));
}
