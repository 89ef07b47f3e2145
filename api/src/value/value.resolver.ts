import { UseFilters, UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { FilterInput } from '../filter/dto/filter.input';
import { ServiceValueReport } from './dto/service-value.model';
import { ValueExceptionFilter } from './value.exception';
import { DEFAULT_BOOTSTRAP_SAMPLES, ValueService } from './value.service';

@Resolver(() => ServiceValueReport)
@UseGuards(ApiKeyGuard)
@UseFilters(ValueExceptionFilter)
export class ValueResolver {
  constructor(private readonly valueService: ValueService) {}

  @Query(() => ServiceValueReport, {
    description:
      'Service→value: CLV, repeat-purchase rate and retention per service experience × segment with 95% bootstrap ' +
      'intervals, the uplift of answered over missed, value at risk, and the CLV distribution per segment.',
  })
  serviceValue(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('bootstrapSamples', {
      type: () => Int,
      nullable: true,
      description: `Bootstrap replicates, 50…1000 (default ${DEFAULT_BOOTSTRAP_SAMPLES}).`,
    })
    bootstrapSamples?: number | null,
  ): Promise<ServiceValueReport> {
    return this.valueService.serviceValue(workspaceId, filter, bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES);
  }
}
