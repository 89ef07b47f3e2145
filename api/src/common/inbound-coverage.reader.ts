import { Global, Injectable, Module } from '@nestjs/common';
import { readInboundCoverage, type Database, type InboundCoverage } from '@resonance/sql';
import { ResultCache } from '../cache/result-cache';
import { InjectDatabase } from '../database/database.module';

/**
 * A workspace's inbound coverage (its settings and the days of its inbound rollup), read once per
 * data version: every query over the rollup (rollup/inbound_rows_fragment.sql) takes it as
 * parameters instead of working it out again in subqueries.
 */
@Injectable()
export class InboundCoverageReader {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly cache: ResultCache,
  ) {}

  read(workspaceId: string): Promise<InboundCoverage> {
    return this.cache.cached(workspaceId, 'rollup/inbound_coverage', () => readInboundCoverage(this.db, workspaceId));
  }
}

/** Global: the repositories of the inbound figures inject InboundCoverageReader. */
@Global()
@Module({ providers: [InboundCoverageReader], exports: [InboundCoverageReader] })
export class InboundCoverageModule {}
