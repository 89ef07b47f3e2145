import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { GapQueueRepository } from './gap-queue.repository';
import { GapQueueResolver } from './gap-queue.resolver';
import { GapQueueService } from './gap-queue.service';

@Module({ imports: [AuthModule, FilterModule], providers: [GapQueueResolver, GapQueueService, GapQueueRepository] })
export class GapQueueModule {}
