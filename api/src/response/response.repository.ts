import { Injectable } from '@nestjs/common';
import { namedQuery, type AnalyticsFilter, type Database, type InboundCoverage } from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { inboundQuery } from '../common/inbound-rows.sql';
import { InjectDatabase } from '../database/database.module';
import type { GroupBy } from './dto/group-by.enum';
import { groupKey } from './group-by.sql';
import { ALL_RESPONSE_PARTS, withResponseParts, type ResponseParts } from './response-parts';

/** A row as ClickHouse returns it: counts are strings; quantiles are NaN when nothing replied. */
export interface ResponseRow {
  key: string;
  is_total: number;
  inbound: string;
  replied: string;
  pending: string;
  missed: string;
  bot_replied: string;
  frt: number[];
  frt_mean: number | null;
  business_frt: number[];
  business_frt_mean: number | null;
}

export interface BuiltQuery {
  query: string;
  params: Record<string, unknown>;
}

/** The Response page's SQL (sql/queries/response), always scoped to one workspace. */
@Injectable()
export class ResponseRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  build(
    workspaceId: string,
    filter: AnalyticsFilter,
    groupBy: GroupBy | null,
    now: Date,
    coverage: InboundCoverage,
    parts: ResponseParts = ALL_RESPONSE_PARTS,
  ): BuiltQuery {
    const key = groupKey(groupBy);
    // Without a grouping the total row alone; a key that needs the hour reads whole days from the
    // hourly rollup, if it has a key there.
    const built =
      groupBy && key.hourly
        ? inboundQuery(namedQuery('response/response_by_hour_of_week'), workspaceId, filter, key, now, coverage, 'hourly')
        : inboundQuery(namedQuery(groupBy ? 'response/response' : 'response/response_total'), workspaceId, filter, key, now, coverage);
    // Only the parts asked for: the total row, and each of the FRT figures.
    return withResponseParts(built, parts);
  }

  /** Rows per group, then the total row (is_total = 1) if `parts` asks for it. */
  async response(
    workspaceId: string,
    filter: AnalyticsFilter,
    groupBy: GroupBy | null,
    now: Date,
    parts: ResponseParts = ALL_RESPONSE_PARTS,
  ): Promise<ResponseRow[]> {
    const { query, params } = this.build(workspaceId, filter, groupBy, now, await this.coverage.read(workspaceId), parts);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<ResponseRow>();
  }
}
