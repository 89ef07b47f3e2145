import { UseFilters, UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { argsValidation, PageArgs } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import { ServiceEffectsReport } from './dto/service-effects.model';
import { CohortRetention, CustomerAtRisk, ServiceValueReport } from './dto/service-value.model';
import { ValueCustomerPage, ValuePopulation } from './dto/value-customer.model';
import { ServiceEffectsService } from './service-effects.service';
import { ValueExceptionFilter } from './value.exception';
import {
  DEFAULT_AT_RISK_LIMIT,
  DEFAULT_BOOTSTRAP_SAMPLES,
  MAX_AT_RISK_LIMIT,
  MAX_BOOTSTRAP_SAMPLES,
  MIN_BOOTSTRAP_SAMPLES,
  ValueService,
} from './value.service';

/** The bootstrapSamples argument of every query with 95% intervals. */
const BOOTSTRAP_SAMPLES_ARG = {
  type: () => Int,
  nullable: true,
  description: `Bootstrap replicates, ${MIN_BOOTSTRAP_SAMPLES}…${MAX_BOOTSTRAP_SAMPLES} (default ${DEFAULT_BOOTSTRAP_SAMPLES}).`,
};

@Resolver(() => ServiceValueReport)
@UseGuards(ApiKeyGuard)
@UseFilters(ValueExceptionFilter)
export class ValueResolver {
  constructor(
    private readonly valueService: ValueService,
    private readonly serviceEffectsService: ServiceEffectsService,
  ) {}

  @Query(() => ServiceValueReport, {
    description:
      'Service→value: CLV, repeat-purchase rate and retention per service experience × segment with 95% bootstrap ' +
      'intervals, the uplift of answered over missed, value at risk, and the CLV distribution per segment.',
  })
  serviceValue(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('bootstrapSamples', BOOTSTRAP_SAMPLES_ARG)
    bootstrapSamples?: number | null,
  ): Promise<ServiceValueReport> {
    return this.valueService.serviceValue(workspaceId, filter, bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES);
  }

  @Query(() => ServiceEffectsReport, {
    description:
      'Service effects on order value: per service experience in force at a purchase, order value ÷ that of the same ' +
      'customers before any contact (customer fixed effects), and answered fast ÷ missed negative, with 95% ' +
      'bootstrap intervals over customers. Purchases in the period; experiences from all contacts before each purchase.',
  })
  serviceEffects(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('bootstrapSamples', BOOTSTRAP_SAMPLES_ARG)
    bootstrapSamples?: number | null,
  ): Promise<ServiceEffectsReport> {
    return this.serviceEffectsService.serviceEffects(
      workspaceId,
      filter,
      bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES,
    );
  }

  @Query(() => [CustomerAtRisk], {
    description:
      'Top customers at risk: a missed negative message to an own brand in the period, highest predicted CLV first, ' +
      'then lowest P(alive).',
  })
  customersAtRisk(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('limit', {
      type: () => Int,
      nullable: true,
      description: `How many, 1…${MAX_AT_RISK_LIMIT} (default ${DEFAULT_AT_RISK_LIMIT}).`,
    })
    limit?: number | null,
  ): Promise<CustomerAtRisk[]> {
    return this.valueService.customersAtRisk(workspaceId, filter, limit ?? DEFAULT_AT_RISK_LIMIT);
  }

  @Query(() => [CohortRetention], {
    description:
      'Cohort retention: per first-purchase-month cohort starting in the period and service experience, the share ' +
      'still purchasing k months later.',
  })
  cohortRetention(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
  ): Promise<CohortRetention[]> {
    return this.valueService.cohortRetention(workspaceId, filter);
  }

  // Customer details: the analyst role, as the messages behind the message figures.
  @RequireRole('analyst')
  @Query(() => ValueCustomerPage, {
    description:
      'The customers behind a value figure: the population it counted (CLV_RUN: serviceValue; PURCHASE_COHORTS: ' +
      'cohortRetention) narrowed by the filter, including its experiences and cohorts, with their experience, predicted ' +
      "CLV and P(alive); totalCount is the figure's base. Ordered by customer id, paginated. The same rows as " +
      'GET /api/export/customers.csv. Analyst role.',
  })
  valueCustomers(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args('population', { type: () => ValuePopulation }) population: ValuePopulation,
    @Args(argsValidation) page: PageArgs,
  ): Promise<ValueCustomerPage> {
    return this.valueService.valueCustomers(workspaceId, filter, population, page);
  }
}
