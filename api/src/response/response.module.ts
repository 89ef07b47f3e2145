import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { ResponseRepository } from './response.repository';
import { ResponseResolver } from './response.resolver';
import { ResponseService } from './response.service';

@Module({ imports: [AuthModule, FilterModule], providers: [ResponseResolver, ResponseService, ResponseRepository] })
export class ResponseModule {}
