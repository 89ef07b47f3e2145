import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { Clock } from '../common/clock';
import { rateLimitsFromEnv } from './rate-limit.config';
import { RateLimitMiddleware, TOKEN_BUCKETS } from './rate-limit.middleware';
import { TokenBuckets } from './token-buckets';

/** The api's HTTP routes: GraphQL (its path in app.module) and /api/… (the export). */
const LIMITED_ROUTES = [
  { path: 'graphql', method: RequestMethod.ALL },
  { path: 'api/*path', method: RequestMethod.ALL },
];

@Module({
  imports: [AuthModule],
  providers: [
    {
      provide: TOKEN_BUCKETS,
      inject: [Clock],
      useFactory: (clock: Clock) => new TokenBuckets(rateLimitsFromEnv(process.env), () => clock.now().getTime()),
    },
    RateLimitMiddleware,
  ],
})
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes(...LIMITED_ROUTES);
  }
}
