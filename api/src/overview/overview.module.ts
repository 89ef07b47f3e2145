import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { OverviewRepository } from './overview.repository';
import { OverviewResolver } from './overview.resolver';
import { OverviewService } from './overview.service';

@Module({ imports: [AuthModule, FilterModule], providers: [OverviewResolver, OverviewService, OverviewRepository] })
export class OverviewModule {}
