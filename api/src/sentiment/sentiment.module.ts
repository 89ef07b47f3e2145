import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SentimentRepository } from './sentiment.repository';
import { SentimentResolver } from './sentiment.resolver';
import { SentimentService } from './sentiment.service';

@Module({ imports: [AuthModule], providers: [SentimentResolver, SentimentService, SentimentRepository] })
export class SentimentModule {}
