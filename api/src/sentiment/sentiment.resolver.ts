import { UseGuards } from '@nestjs/common';
import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { selectedPaths } from '../common/selection';
import { FilterInput } from '../filter/dto/filter.input';
import { GroupBy } from '../response/dto/group-by.enum';
import { SentimentReport, TrendInterval } from './dto/sentiment.model';
import { sentimentParts } from './sentiment-parts';
import { SentimentService } from './sentiment.service';

@Resolver(() => SentimentReport)
@UseGuards(ApiKeyGuard)
export class SentimentResolver {
  constructor(private readonly sentimentService: SentimentService) {}

  @Query(() => SentimentReport, {
    description: 'Sentiment distribution, average, net sentiment, trend and lift after a reply.',
  })
  sentiment(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('groupBy', { type: () => GroupBy, nullable: true }) groupBy: GroupBy | null | undefined,
    @Args('trendInterval', {
      type: () => TrendInterval,
      nullable: true,
      description: 'Default: DAY up to 93 days, else WEEK.',
    })
    trendInterval: TrendInterval | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SentimentReport> {
    // Only the queries the selected fields need: a table by brand needs no trend, the lift no grouping.
    const parts = sentimentParts(selectedPaths(info), (groupBy ?? null) !== null);
    return this.sentimentService.sentiment(workspaceId, filter, groupBy ?? null, trendInterval ?? null, parts);
  }
}
