import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DataRepository } from './data.repository';
import { DataResolver } from './data.resolver';
import { DataService } from './data.service';

@Module({ imports: [AuthModule], providers: [DataResolver, DataService, DataRepository] })
export class DataModule {}
