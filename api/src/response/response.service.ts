import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { Clock } from '../common/clock';
import { count, finiteOrNull, responseRate } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import type { GroupBy } from './dto/group-by.enum';
import type { ResponseFigures, ResponseReport } from './dto/response.model';
import { ALL_RESPONSE_PARTS, type ResponseParts } from './response-parts';
import { ResponseRepository, type ResponseRow } from './response.repository';

function figures(row: ResponseRow | undefined, key: string): ResponseFigures {
  const inbound = count(row?.inbound);
  const replied = count(row?.replied);
  // Quantiles over no replies are NaN (or absent): null, not 0.
  const at = (values: number[] | undefined, i: number) => (replied > 0 ? finiteOrNull(values?.[i]) : null);
  return {
    key,
    inbound,
    replied,
    responseRate: responseRate(replied, inbound),
    pending: count(row?.pending),
    missed: count(row?.missed),
    botReplied: count(row?.bot_replied),
    frtP50Seconds: at(row?.frt, 0),
    frtP90Seconds: at(row?.frt, 1),
    frtP95Seconds: at(row?.frt, 2),
    frtMeanSeconds: replied > 0 ? finiteOrNull(row?.frt_mean) : null,
    businessFrtP50Seconds: at(row?.business_frt, 0),
    businessFrtP90Seconds: at(row?.business_frt, 1),
    businessFrtP95Seconds: at(row?.business_frt, 2),
    businessFrtMeanSeconds: replied > 0 ? finiteOrNull(row?.business_frt_mean) : null,
  };
}

/** The Response page: response rate, pending and missed, FRT in calendar and business time. */
@Injectable()
export class ResponseService {
  constructor(
    private readonly repository: ResponseRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  /**
   * `parts`: what the request asks for (responseParts); the figures of the parts left out read
   * null, and the total zeros without the total part.
   */
  async response(
    workspaceId: string,
    input: FilterInput,
    groupBy: GroupBy | null = null,
    parts: ResponseParts = ALL_RESPONSE_PARTS,
  ): Promise<ResponseReport> {
    // The workspace's own service: its own brands unless the filter names brands.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    // Cached per workspace and data version; the cache's time limit bounds how stale pending vs missed gets.
    const rows = await this.cache.cached(workspaceId, cacheKey('response/response', analytics, groupBy, parts), () =>
      this.repository.response(workspaceId, analytics, groupBy, this.clock.now(), parts),
    );
    const total = rows.find((r) => Number(r.is_total) === 1);
    return {
      groupBy,
      rows: groupBy ? rows.filter((r) => Number(r.is_total) !== 1).map((r) => figures(r, r.key)) : [],
      total: figures(total, ''),
    };
  }
}
