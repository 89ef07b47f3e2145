import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller, GraphQLContext, GraphQLRequest } from '../graphql/graphql-context';

/**
 * The whole caller (workspace, role, key id) from their API key, in GraphQL resolvers and HTTP
 * handlers alike; for services that show more to higher roles. Only valid behind an API key guard.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const req =
    context.getType() === 'http'
      ? context.switchToHttp().getRequest<GraphQLRequest>()
      : GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  if (!req.caller) throw new Error('@CurrentCaller() used on a handler without an API key guard');
  return req.caller;
});
