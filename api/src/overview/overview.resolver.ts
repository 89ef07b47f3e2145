import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { FilterInput } from '../filter/dto/filter.input';
import { Overview } from './dto/overview.model';
import { OverviewService } from './overview.service';

@Resolver(() => Overview)
@UseGuards(ApiKeyGuard)
export class OverviewResolver {
  constructor(private readonly overviewService: OverviewService) {}

  @Query(() => Overview, { description: "KPIs of the filter's period and its compare period, and the period's trend." })
  overview(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
  ): Promise<Overview> {
    return this.overviewService.overview(workspaceId, filter);
  }
}
