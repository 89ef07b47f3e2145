import { UseFilters, UseGuards } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { argsValidation, PageArgs, type Page } from '../data/pagination';
import { CustomersExceptionFilter } from './customers.exception';
import { CustomersService } from './customers.service';
import {
  Customer,
  CustomerSearchPage,
  TimelinePage,
  type CustomerSummary,
  type TimelineEvent,
} from './dto/customer.model';

@Resolver(() => Customer)
@UseGuards(ApiKeyGuard)
@UseFilters(CustomersExceptionFilter)
@RequireRole('analyst')
export class CustomersResolver {
  constructor(private readonly customersService: CustomersService) {}

  @Query(() => CustomerSearchPage, {
    description:
      'Customers whose name, e-mail or a handle contains the text (case-insensitive, literal), by id. Analyst role.',
  })
  searchCustomers(
    @CurrentWorkspace() workspaceId: string,
    @Args('query', { type: () => String }) query: string,
    @Args(argsValidation) page: PageArgs,
  ): Promise<Page<CustomerSummary>> {
    return this.customersService.search(workspaceId, query, page);
  }

  @Query(() => Customer, {
    nullable: true,
    description: 'One customer (360° view); null when the workspace has none with this id. Analyst role.',
  })
  customer(
    @CurrentWorkspace() workspaceId: string,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Customer | null> {
    return this.customersService.customer(workspaceId, id);
  }

  @ResolveField(() => TimelinePage, {
    description: 'Messages, replies and transactions across channels, newest first.',
  })
  timeline(
    @CurrentWorkspace() workspaceId: string,
    @Parent() customer: Customer,
    @Args(argsValidation) page: PageArgs,
  ): Promise<Page<TimelineEvent>> {
    return this.customersService.timeline(workspaceId, customer.id, page);
  }
}
