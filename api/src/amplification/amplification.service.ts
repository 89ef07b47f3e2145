import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import type { Role } from '@resonance/sql';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { Clock } from '../common/clock';
import { ApiErrorCode, apiError } from '../common/domain.exception';
import { count, finiteOrNull } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import { canReadDetails } from '../gap-queue/gap-queue.service';
import {
  DEFAULT_TOP_POSTS,
  MAX_TOP_POSTS,
  type AmplificationArgs,
  type AmplificationReport,
} from './dto/amplification.model';
import { AmplificationRepository } from './amplification.repository';

/** Sentiment & amplification page, amplification half (DESIGN.md "Amplification"). */
@Injectable()
export class AmplificationService {
  constructor(
    private readonly repository: AmplificationRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  async amplification(
    workspaceId: string,
    input: FilterInput,
    args: AmplificationArgs,
    role: Role,
  ): Promise<AmplificationReport> {
    // Mentions of the workspace's own brands unless the filter names brands.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    const top = args.top ?? DEFAULT_TOP_POSTS;
    // The resolver's validation pipe bounds `top`; this keeps the bound for any other caller.
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP_POSTS) {
      throw apiError(`top must be 1…${MAX_TOP_POSTS}`, ApiErrorCode.BAD_USER_INPUT, { reason: 'INVALID_ARGUMENT' });
    }
    const details = canReadDetails(role);
    // Rows are cached before the role decides what is shown.
    const [summary, posts] = await this.cache.cached(
      workspaceId,
      cacheKey('amplification/amplification', analytics, top),
      () =>
        Promise.all([
          this.repository.summary(workspaceId, analytics, this.clock.now()),
          this.repository.topPosts(workspaceId, analytics, top),
        ]),
    );
    const shares = count(summary.shares);
    const quotes = count(summary.quotes);
    return {
      publicMessages: count(summary.public_messages),
      shares,
      quotes,
      amplification: shares + quotes,
      reach: count(summary.reach),
      negativeMessages: count(summary.negative_messages),
      amplifiedNegativeReach: count(summary.negative_reach),
      answeredNegativeReach: count(summary.answered_negative_reach),
      missedNegativeReach: count(summary.missed_negative_reach),
      pendingNegativeReach: count(summary.pending_negative_reach),
      topPosts: posts.map((p) => ({
        interactionId: p.interaction_id,
        createdAt: fromClickHouseTime(p.created_at),
        brand: p.brand,
        channel: p.channel,
        authorHandle: details ? p.author_handle : null,
        text: details ? p.text : null,
        sentiment: finiteOrNull(p.sentiment),
        shares: count(p.shares),
        quotes: count(p.quotes),
        amplification: count(p.amplification),
        reach: count(p.reach),
        answered: p.answered,
      })),
    };
  }
}
