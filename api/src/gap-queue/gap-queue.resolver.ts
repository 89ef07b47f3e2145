import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { argsValidation, PageArgs } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import type { Caller } from '../graphql/graphql-context';
import { GapQueuePage } from './dto/gap-queue.model';
import { GapQueueService } from './gap-queue.service';

@Resolver(() => GapQueuePage)
@UseGuards(ApiKeyGuard)
export class GapQueueResolver {
  constructor(private readonly gapQueueService: GapQueueService) {}

  @Query(() => GapQueuePage, {
    description:
      'Missed messages of the period (unanswered, older than the SLA), worst first: lowest sentiment, public, highest reach, ' +
      'highest customer value. Texts and customer details need the analyst role.',
  })
  gapQueue(
    @CurrentWorkspace() workspaceId: string,
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args(argsValidation) page: PageArgs,
  ): Promise<GapQueuePage> {
    return this.gapQueueService.gapQueue(workspaceId, filter, page, caller.role);
  }
}
