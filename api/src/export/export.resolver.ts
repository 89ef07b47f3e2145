import { UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { argsValidation, PageArgs, type Page } from '../data/pagination';
import { FilterInput } from '../filter/dto/filter.input';
import { MessageRecordPage, type MessageRecord } from './dto/message-row.model';
import { ExportService } from './export.service';

@Resolver()
@UseGuards(ApiKeyGuard)
@RequireRole('analyst')
export class ExportResolver {
  constructor(private readonly exportService: ExportService) {}

  @Query(() => MessageRecordPage, {
    description:
      'The rows behind the message figures: one per inbound message of the filter, oldest first, paginated. ' +
      'The same rows as GET /api/export/messages.csv. Analyst role.',
  })
  messages(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
    @Args(argsValidation) page: PageArgs,
  ): Promise<Page<MessageRecord>> {
    return this.exportService.messages(workspaceId, filter, page);
  }

  // A count is an aggregate: any role, as the figures it drills into.
  @RequireRole('viewer')
  @Query(() => Int, {
    description:
      'How many rows `messages` lists for the filter over all its pages: the inbound messages behind a figure.',
  })
  messageCount(
    @CurrentWorkspace() workspaceId: string,
    @Args('filter', { type: () => FilterInput }) filter: FilterInput,
  ): Promise<number> {
    return this.exportService.messageCount(workspaceId, filter);
  }
}
