import { UseGuards } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { argsValidation } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import type { GraphQLContext } from '../graphql/graphql-context';
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
    @Context() context: GraphQLContext,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args(argsValidation) args: AmplificationArgs,
  ): Promise<AmplificationReport> {
    // ApiKeyGuard has set the caller (CurrentWorkspace fails closed otherwise).
    return this.amplificationService.amplification(workspaceId, filter, args, context.req.caller!.role);
  }
}
