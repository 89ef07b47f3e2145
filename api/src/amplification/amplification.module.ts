import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { AmplificationRepository } from './amplification.repository';
import { AmplificationResolver } from './amplification.resolver';
import { AmplificationService } from './amplification.service';

@Module({
  imports: [AuthModule, FilterModule],
  providers: [AmplificationResolver, AmplificationService, AmplificationRepository],
})
export class AmplificationModule {}
