import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import type { GraphQLContext } from '../graphql/graphql-context';
import { inDataVersionScope, type DataVersionScope } from './data-version-scope';

/**
 * Runs every resolver (field resolvers too: fieldResolverEnhancers in app.module.ts) and every
 * controller call in its request's data-version scope (data-version-scope.ts), one per HTTP
 * request. `handle()` binds the handler to the async context it is called in (Nest's interceptors
 * consumer wraps it in AsyncResource.bind), so the handler and everything it awaits see the scope.
 */
@Injectable()
export class DataVersionScopeInterceptor implements NestInterceptor {
  private readonly scopes = new WeakMap<object, DataVersionScope>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request: unknown =
      context.getType() === 'http'
        ? context.switchToHttp().getRequest<unknown>()
        : GqlExecutionContext.create(context).getContext<Partial<GraphQLContext>>().req;
    return inDataVersionScope(this.scopeOf(request), () => next.handle());
  }

  /** The request's scope; an operation without a request object (executed without HTTP) gets its own. */
  private scopeOf(request: unknown): DataVersionScope {
    if (typeof request !== 'object' || request === null) return new Map();
    let scope = this.scopes.get(request);
    if (!scope) {
      scope = new Map();
      this.scopes.set(request, scope);
    }
    return scope;
  }
}
