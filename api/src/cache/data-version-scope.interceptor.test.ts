import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { firstValueFrom, of, type Observable } from 'rxjs';
import { currentDataVersionScope, type DataVersionScope } from './data-version-scope';
import { DataVersionScopeInterceptor } from './data-version-scope.interceptor';

/** A resolver call's context: (root, args, GraphQL context, info), as Nest passes it. */
function graphqlCall(graphqlContext: object): ExecutionContext {
  const host = new ExecutionContextHost([{}, {}, graphqlContext, {}]);
  host.setType('graphql');
  return host;
}

/** The scope the handler sees, through the interceptor. */
function scopeSeen(
  interceptor: DataVersionScopeInterceptor,
  context: ExecutionContext,
): Promise<DataVersionScope | undefined> {
  const next: CallHandler = { handle: (): Observable<DataVersionScope | undefined> => of(currentDataVersionScope()) };
  return firstValueFrom(interceptor.intercept(context, next)) as Promise<DataVersionScope | undefined>;
}

describe('DataVersionScopeInterceptor', () => {
  it('gives the resolvers of one request one scope, and another request another', async () => {
    const interceptor = new DataVersionScopeInterceptor();
    const one = { req: {} };
    const first = await scopeSeen(interceptor, graphqlCall(one));
    expect(first).toBeInstanceOf(Map);
    expect(await scopeSeen(interceptor, graphqlCall(one))).toBe(first);
    expect(await scopeSeen(interceptor, graphqlCall({ req: {} }))).not.toBe(first);
  });

  it('gives an operation without a request a scope of its own', async () => {
    const interceptor = new DataVersionScopeInterceptor();
    const scope = await scopeSeen(interceptor, graphqlCall({}));
    expect(scope).toBeInstanceOf(Map);
    expect(await scopeSeen(interceptor, graphqlCall({}))).not.toBe(scope);
  });

  it('scopes an HTTP controller call by its request', async () => {
    const interceptor = new DataVersionScopeInterceptor();
    const request = {};
    const http = () => {
      const host = new ExecutionContextHost([request, {}, () => undefined]);
      host.setType('http');
      return host;
    };
    const scope = await scopeSeen(interceptor, http());
    expect(scope).toBeInstanceOf(Map);
    expect(await scopeSeen(interceptor, http())).toBe(scope);
    expect(currentDataVersionScope()).toBeUndefined();
  });
});
