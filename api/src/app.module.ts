import * as path from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Database } from '@resonance/sql';
import { AmplificationModule } from './amplification/amplification.module';
import { AuthExceptionFilter } from './auth/auth.exception';
import { CacheModule } from './cache/cache.module';
import { ClockModule } from './common/clock.module';
import { InboundCoverageModule } from './common/inbound-coverage.reader';
import { ErrorInterceptor } from './common/error.interceptor';
import { GraphQLErrorFilter } from './common/graphql-error.filter';
import { formatError } from './common/format-error';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CustomersModule } from './customers/customers.module';
import { DataModule } from './data/data.module';
import { DatabaseModule } from './database/database.module';
import { ExportModule } from './export/export.module';
import { IngestModule } from './ingest/ingest.module';
import { FilterExceptionFilter } from './filter/filter.exception';
import { GapQueueModule } from './gap-queue/gap-queue.module';
import { ComplexityPlugin } from './graphql/complexity.plugin';
import { DateTimeScalar } from './graphql/date-time.scalar';
import { depthLimit } from './graphql/depth-limit.rule';
import type { GraphQLContext, GraphQLRequest } from './graphql/graphql-context';
import { OverviewModule } from './overview/overview.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ResponseModule } from './response/response.module';
import { SentimentModule } from './sentiment/sentiment.module';
import { ShareOfVoiceModule } from './share-of-voice/share-of-voice.module';
import { TermsModule } from './terms/terms.module';
import { ValueModule } from './value/value.module';
import { WorkspaceModule } from './workspace/workspace.module';

export const GRAPHQL_PATH = '/graphql';
/** The committed schema (api/schema.gql), regenerated at every boot; the dashboard codes against it. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.gql');
export const MAX_DEPTH = 8;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule.forRoot(db),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: SCHEMA_FILE,
          sortSchema: true,
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          playground: false,
          includeStacktraceInErrorResponses: false,
          validationRules: [depthLimit(MAX_DEPTH)],
          context: ({ req }: { req: GraphQLRequest }): GraphQLContext => ({ req }),
          // Interceptors on field resolvers too (Customer.timeline): the data-version scope and
          // the error mapping apply to every resolver of a request.
          fieldResolverEnhancers: ['interceptors'],
          formatError,
        }),
        CacheModule,
        InboundCoverageModule,
        RateLimitModule,
        CustomersModule,
        DataModule,
        ExportModule,
        IngestModule,
        OverviewModule,
        ResponseModule,
        GapQueueModule,
        SentimentModule,
        AmplificationModule,
        ShareOfVoiceModule,
        TermsModule,
        ValueModule,
        WorkspaceModule,
      ],
      providers: [
        ComplexityPlugin,
        { provide: APP_INTERCEPTOR, useClass: ErrorInterceptor },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        { provide: APP_FILTER, useClass: AuthExceptionFilter },
        { provide: APP_FILTER, useClass: FilterExceptionFilter },
      ],
    };
  }
}
