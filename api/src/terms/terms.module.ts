import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { TermsRepository } from './terms.repository';
import { TermsResolver } from './terms.resolver';
import { TermsService } from './terms.service';

@Module({ imports: [AuthModule, FilterModule], providers: [TermsResolver, TermsService, TermsRepository] })
export class TermsModule {}
