import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@resonance/sql';
import type { GraphQLRequest } from '../graphql/graphql-context';
import { ApiKeyService } from './api-key.service';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { REQUIRED_ROLE } from './require-role.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * ApiKeyGuard for plain HTTP routes (the CSV export): the same Bearer key, the same @RequireRole
 * rule, the same `req.caller`. Errors are AuthExceptions for the route's exception filter to map
 * to 401 / 403.
 */
@Injectable()
export class HttpApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<GraphQLRequest>();
    const header = req.headers.authorization;
    if (!header)
      throw new AuthException(
        'Missing API key: send the header "Authorization: Bearer <key>"',
        AuthExceptionCode.MISSING_KEY,
      );
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
