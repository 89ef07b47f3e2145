import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ValueRepository } from './value.repository';
import { ValueResolver } from './value.resolver';
import { ValueService } from './value.service';

@Module({ imports: [AuthModule], providers: [ValueResolver, ValueService, ValueRepository] })
export class ValueModule {}
