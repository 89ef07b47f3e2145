import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { ApiErrorCode, apiError } from '../common/domain.exception';
import { count } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import { DEFAULT_TERMS, MAX_TERMS, SentimentClass, type TopTerms, type TopTermsArgs } from './dto/top-terms.model';
import { TermsRepository, type SentimentClassName } from './terms.repository';

const CLASS_NAMES: Record<SentimentClass, SentimentClassName> = {
  [SentimentClass.POSITIVE]: 'positive',
  [SentimentClass.NEUTRAL]: 'neutral',
  [SentimentClass.NEGATIVE]: 'negative',
};

/** Top terms for the word cloud of the Sentiment page. */
@Injectable()
export class TermsService {
  constructor(
    private readonly repository: TermsRepository,
    private readonly filters: FilterService,
    private readonly cache: ResultCache,
  ) {}

  async topTerms(workspaceId: string, input: FilterInput, args: TopTermsArgs): Promise<TopTerms> {
    // Messages about the workspace's own brands unless the filter names brands.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    const limit = args.limit ?? DEFAULT_TERMS;
    // The resolver's validation pipe bounds these; this keeps the bounds for any other caller.
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TERMS) {
      throw apiError(`limit must be 1…${MAX_TERMS}`, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_ARGUMENT' });
    }
    const sentiment = args.sentiment ?? null;
    const className = sentiment === null ? '' : CLASS_NAMES[sentiment];
    if (className === undefined)
      throw apiError('Unknown sentiment class', ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_ARGUMENT' });
    const rows = await this.cache.cached(workspaceId, cacheKey('terms/top_terms', analytics, className, limit), () =>
      this.repository.topTerms(workspaceId, analytics, className, limit),
    );
    return { sentiment, terms: rows.map((r) => ({ term: r.term, messages: count(r.messages) })) };
  }
}
