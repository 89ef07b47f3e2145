import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';

/** The caller's workspace id, from their API key. Only valid behind ApiKeyGuard. */
export const CurrentWorkspace = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const { req } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  // Fails closed: a resolver that forgot the guard gets an internal error, never another workspace.
  if (!req.caller) throw new Error('@CurrentWorkspace() used on a resolver without ApiKeyGuard');
  return req.caller.workspaceId;
});
