import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkspaceRepository } from './workspace.repository';
import { WorkspaceResolver } from './workspace.resolver';
import { WorkspaceService } from './workspace.service';

@Module({
  imports: [AuthModule],
  providers: [WorkspaceResolver, WorkspaceService, WorkspaceRepository],
  exports: [WorkspaceRepository],
})
export class WorkspaceModule {}
