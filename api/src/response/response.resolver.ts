import { UseGuards } from '@nestjs/common';
import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { selectedPaths } from '../common/selection';
import { FilterInput } from '../filter/dto/filter.input';
import { GroupBy } from './dto/group-by.enum';
import { ResponseReport } from './dto/response.model';
import { responseParts } from './response-parts';
import { ResponseService } from './response.service';

@Resolver(() => ResponseReport)
@UseGuards(ApiKeyGuard)
export class ResponseResolver {
  constructor(private readonly responseService: ResponseService) {}

  @Query(() => ResponseReport, {
    description:
      'Response rate, pending, missed and first response times (calendar and business time), per group and in total.',
  })
  response(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('groupBy', { type: () => GroupBy, nullable: true }) groupBy: GroupBy | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResponseReport> {
    // Only what the request selects is computed: the heatmap asks for no total and one quantile.
    return this.responseService.response(workspaceId, filter, groupBy ?? null, responseParts(selectedPaths(info)));
  }
}
