import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentWorkspace } from '../auth/current-workspace.decorator';
import { Workspace } from './dto/workspace.model';
import { WorkspaceService } from './workspace.service';

@Resolver(() => Workspace)
@UseGuards(ApiKeyGuard)
export class WorkspaceResolver {
  constructor(private readonly workspaceService: WorkspaceService) {}

  @Query(() => Workspace, {
    description: "The caller's workspace: settings, brands, segments, channels and data range.",
  })
  workspace(@CurrentWorkspace() workspaceId: string): Promise<Workspace> {
    return this.workspaceService.workspace(workspaceId);
  }
}
