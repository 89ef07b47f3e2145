import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FilterModule } from '../filter/filter.module';
import { SentimentRepository } from './sentiment.repository';
import { SentimentResolver } from './sentiment.resolver';
import { SentimentService } from './sentiment.service';

@Module({ imports: [AuthModule, FilterModule], providers: [SentimentResolver, SentimentService, SentimentRepository] })
export class SentimentModule {}
