import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { argsValidation } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import type { Caller } from '../graphql/graphql-context';
import { AmplificationArgs, AmplificationReport } from './dto/amplification.model';
import { AmplificationService } from './amplification.service';

@Resolver(() => AmplificationReport)
@UseGuards(ApiKeyGuard)
export class AmplificationResolver {
  constructor(private readonly amplificationService: AmplificationService) {}

  @Query(() => AmplificationReport, {
    description:
      'Shares, quotes and reach of public inbound messages, amplified negative reach answered vs missed, most amplified posts.',
  })
  amplification(
    @CurrentWorkspace() workspaceId: string,
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args(argsValidation) args: AmplificationArgs,
  ): Promise<AmplificationReport> {
    return this.amplificationService.amplification(workspaceId, filter, args, caller.role);
  }
}
