import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { count } from '../common/metrics';
import type { Workspace } from './dto/workspace.model';
import { workspaceBrands } from './workspace-brands';
import { WorkspaceRepository } from './workspace.repository';

/**
 * The column defaults of migration 0001_workspaces.sql: a workspace whose data was loaded without
 * a settings row behaves as one created with defaults.
 */
const DEFAULTS = { currency: 'USD', timezone: 'UTC', slaHours: 24 } as const;

@Injectable()
export class WorkspaceService {
  constructor(
    private readonly repository: WorkspaceRepository,
    private readonly cache: ResultCache,
  ) {}

  async workspace(workspaceId: string): Promise<Workspace> {
    // Every page asks for this first; it changes only with a load or a settings/brands edit,
    // which is what the cache's data version follows.
    const [settings, brands, segments, range] = await this.cache.cached(
      workspaceId,
      cacheKey('workspace/workspace'),
      () =>
        Promise.all([
          this.repository.settings(workspaceId),
          workspaceBrands(this.cache, this.repository, workspaceId),
          this.repository.segments(workspaceId),
          this.repository.dataRange(workspaceId),
        ]),
    );
    const hasInbound = count(range.inbound) > 0;
    return {
      id: workspaceId,
      name: settings?.name || workspaceId,
      currency: settings?.currency ?? DEFAULTS.currency,
      timezone: settings?.timezone ?? DEFAULTS.timezone,
      // Float32 in ClickHouse: 24 stays 24, but 0.1 would come back as 0.10000000149.
      slaHours: settings ? Number(settings.sla_hours.toPrecision(7)) : DEFAULTS.slaHours,
      brands: brands.map((b) => ({ brand: b.brand, name: b.name || b.brand, isOwn: b.is_own })),
      segments,
      channels: [...range.channels].sort(),
      dataFrom: hasInbound ? fromClickHouseTime(range.data_from) : null,
      dataTo: hasInbound ? fromClickHouseTime(range.data_to) : null,
    };
  }
}
