import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { FilterInput } from '../filter/dto/filter.input';
import { GroupBy } from './dto/group-by.enum';
import { ResponseReport } from './dto/response.model';
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
    @Args('groupBy', { type: () => GroupBy, nullable: true }) groupBy?: GroupBy | null,
  ): Promise<ResponseReport> {
    return this.responseService.response(workspaceId, filter, groupBy ?? null);
  }
}
