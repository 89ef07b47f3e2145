import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkspaceModule } from '../workspace/workspace.module';
import { OverviewRepository } from './overview.repository';
import { OverviewResolver } from './overview.resolver';
import { OverviewService } from './overview.service';

@Module({ imports: [AuthModule, WorkspaceModule], providers: [OverviewResolver, OverviewService, OverviewRepository] })
export class OverviewModule {}
