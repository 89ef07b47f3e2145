import { UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { DataService } from './data.service';
import { IngestRunPage, ModelRunPage, RejectPage, type IngestRun, type ModelRun, type Reject } from './dto/data.model';
import { argsValidation, PageArgs, type Page } from './pagination';

@Resolver()
@UseGuards(ApiKeyGuard)
export class DataResolver {
  constructor(private readonly dataService: DataService) {}

  @Query(() => IngestRunPage, { description: "The workspace's loads, newest first, with counts and status." })
  ingestRuns(@CurrentWorkspace() workspaceId: string, @Args(argsValidation) page: PageArgs): Promise<Page<IngestRun>> {
    return this.dataService.ingestRuns(workspaceId, page);
  }

  // Raw input rows hold message texts and customer details.
  @RequireRole('analyst')
  @Query(() => RejectPage, {
    description: 'The rows one load refused, by file and line, with the raw row. Analyst role.',
  })
  rejects(
    @CurrentWorkspace() workspaceId: string,
    @Args('runId', { type: () => ID }) runId: string,
    @Args(argsValidation) page: PageArgs,
  ): Promise<Page<Reject>> {
    return this.dataService.rejects(workspaceId, runId, page);
  }

  @Query(() => ModelRunPage, { description: "The workspace's fitted CLV models with their parameters, newest first." })
  modelRuns(@CurrentWorkspace() workspaceId: string, @Args(argsValidation) page: PageArgs): Promise<Page<ModelRun>> {
    return this.dataService.modelRuns(workspaceId, page);
  }
}
