import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { argsValidation } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import { TopTerms, TopTermsArgs } from './dto/top-terms.model';
import { TermsService } from './terms.service';

@Resolver(() => TopTerms)
@UseGuards(ApiKeyGuard)
export class TermsResolver {
  constructor(private readonly termsService: TermsService) {}

  @Query(() => TopTerms, {
    description: 'Most used terms of inbound messages (optionally of one sentiment class), for a word cloud.',
  })
  topTerms(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args(argsValidation) args: TopTermsArgs,
  ): Promise<TopTerms> {
    return this.termsService.topTerms(workspaceId, filter, args);
  }
}
