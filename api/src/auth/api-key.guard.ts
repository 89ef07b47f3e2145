import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ROLES, type Role } from '@resonance/sql';
import type { GraphQLContext, GraphQLRequest } from '../graphql/graphql-context';
import { ApiKeyService } from './api-key.service';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { REQUIRED_ROLE } from './require-role.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Class-level guard of every resolver: `Authorization: Bearer <key>` must name an active key whose
 * role is at least the one required. The key alone decides the workspace (`req.caller`).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly reflector: Reflector,
  ) {}

  /** Where the request is: the GraphQL context here; HttpApiKeyGuard reads it from HTTP. */
  protected request(context: ExecutionContext): GraphQLRequest {
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = this.request(context);
    const header = req.headers.authorization;
    if (!header) {
      throw new AuthException(
        'Missing API key: send the header "Authorization: Bearer <key>"',
        AuthExceptionCode.MISSING_KEY,
      );
    }
    const match = BEARER.exec(header);
    const key = match ? await this.keys.authenticate(match[1]!) : null;
    if (!key) throw new AuthException('Invalid or revoked API key', AuthExceptionCode.INVALID_KEY);
    const required =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]) ??
      'viewer';
    if (ROLES.indexOf(key.role) < ROLES.indexOf(required)) {
      throw new AuthException(
        `This needs the ${required} role; the key has ${key.role}`,
        AuthExceptionCode.INSUFFICIENT_ROLE,
      );
    }
    req.caller = { workspaceId: key.workspaceId, role: key.role, keyId: key.keyId };
    return true;
  }
}
