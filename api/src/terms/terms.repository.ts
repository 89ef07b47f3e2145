import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  namedQuery,
  termRollupFilter,
  termsWindow,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { InjectDatabase } from '../database/database.module';
import type { BuiltQuery } from '../response/response.repository';
import { STOP_WORDS } from './stop-words';

export type SentimentClassName = '' | 'positive' | 'neutral' | 'negative';

export interface TermRow {
  term: string;
  messages: string;
}

/** The top-terms SQL (sql/queries/terms), always scoped to one workspace. */
@Injectable()
export class TermsRepository {
  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly coverage: InboundCoverageReader,
  ) {}

  /**
   * Whole days from the term_daily rollup where the filter and the rollup's coverage allow
   * (termsWindow), the rest from the rows: the same terms and counts either way.
   */
  build(
    workspaceId: string,
    filter: AnalyticsFilter,
    sentimentClass: SentimentClassName,
    limit: number,
    coverage: InboundCoverage,
  ): BuiltQuery {
    const where = interactionFilter(filter, 'i.');
    const rollup = termRollupFilter(filter, 'r.');
    let query = withFilter(namedQuery('terms/top_terms'), where);
    query = withFilter(query, rollup ?? { sql: '', params: {} }, '/*rollup_filter*/');
    return {
      query,
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        sentiment_class: sentimentClass,
        stop_words: STOP_WORDS,
        limit,
        ...termsWindow(coverage, filter.from, filter.to, rollup !== null),
        ...where.params,
      },
    };
  }

  async topTerms(
    workspaceId: string,
    filter: AnalyticsFilter,
    sentimentClass: SentimentClassName,
    limit: number,
  ): Promise<TermRow[]> {
    const coverage = await this.coverage.read(workspaceId);
    const { query, params } = this.build(workspaceId, filter, sentimentClass, limit, coverage);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<TermRow>();
  }
}
