import { Injectable } from '@nestjs/common';
import {
  interactionFilter,
  namedQuery,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type Database,
} from '@resonance/sql';
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
  constructor(@InjectDatabase() private readonly db: Database) {}

  build(workspaceId: string, filter: AnalyticsFilter, sentimentClass: SentimentClassName, limit: number): BuiltQuery {
    const where = interactionFilter(filter);
    return {
      query: withFilter(namedQuery('terms/top_terms'), where),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        sentiment_class: sentimentClass,
        stop_words: STOP_WORDS,
        limit,
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
    const { query, params } = this.build(workspaceId, filter, sentimentClass, limit);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<TermRow>();
  }
}
