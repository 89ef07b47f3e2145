import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AmplificationRepository } from './amplification.repository';
import { AmplificationResolver } from './amplification.resolver';
import { AmplificationService } from './amplification.service';

@Module({ imports: [AuthModule], providers: [AmplificationResolver, AmplificationService, AmplificationRepository] })
export class AmplificationModule {}
