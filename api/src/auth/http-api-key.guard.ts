import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { GraphQLRequest } from '../graphql/graphql-context';
import { ApiKeyGuard } from './api-key.guard';

/**
 * ApiKeyGuard for plain HTTP routes (the CSV export, the ingest endpoint): the same Bearer key,
 * the same @RequireRole rule, the same `req.caller`. Errors are AuthExceptions for the route's
 * exception filter to map to 401 / 403.
 */
@Injectable()
export class HttpApiKeyGuard extends ApiKeyGuard {
  protected override request(context: ExecutionContext): GraphQLRequest {
    return context.switchToHttp().getRequest<GraphQLRequest>();
  }
}
