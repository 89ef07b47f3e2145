import { Injectable } from '@nestjs/common';
import { ResultCache } from '../cache/result-cache';
import { workspaceBrands } from '../workspace/workspace-brands';
import { WorkspaceRepository } from '../workspace/workspace.repository';
import type { FilterInput } from './dto/filter.input';
import { resolveFilter, type ResolvedFilter } from './resolve-filter';

/** Which brands a Filter without `brands` covers. */
export type DefaultBrands = 'own' | 'all';

/**
 * resolveFilter plus the rules that need the workspace. Figures about the workspace's own service
 * (Overview, Response, …) default to its own brands: competitor mentions, tracked for share of
 * voice, are not its inbound messages unless asked for by name (or `brands: []`, all brands). A
 * workspace with no brand marked own gets all brands.
 */
@Injectable()
export class FilterService {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly cache: ResultCache,
  ) {}

  async resolve(workspaceId: string, input: FilterInput, defaultBrands: DefaultBrands): Promise<ResolvedFilter> {
    const resolved = resolveFilter(input);
    // Absent means the default; an explicit empty list means no restriction, as for every list.
    if (defaultBrands === 'own' && (input.brands === undefined || input.brands === null)) {
      // Cached: every request resolves its filter before its own query.
      const brands = await workspaceBrands(this.cache, this.workspaces, workspaceId);
      const own = brands.filter((b) => b.is_own).map((b) => b.brand);
      if (own.length > 0) resolved.analytics.brands = own;
    }
    return resolved;
  }
}
