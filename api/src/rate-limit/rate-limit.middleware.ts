import { createHash } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiKeyService } from '../auth/api-key.service';
import type { TokenBuckets } from './token-buckets';

export const TOKEN_BUCKETS = Symbol('TokenBuckets');
export const RATE_LIMITED = 'RATE_LIMITED';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Per-key rate limit of the api's routes (GraphQL and the export), before anything runs: one
 * token per HTTP request. A valid key is limited by its key id; a missing or invalid one by the
 * presented secret's hash and the client address, so guessing keys is slowed as well. Over the
 * limit: HTTP 429 with Retry-After and a GraphQL-shaped error with code RATE_LIMITED.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(
    @Inject(TOKEN_BUCKETS) private readonly buckets: TokenBuckets,
    private readonly keys: ApiKeyService,
  ) {}

  async use(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    if (!this.buckets.enabled) return next();
    let caller: string;
    try {
      caller = await this.callerOf(req);
    } catch {
      // The key lookup failed (database down): the guard reports that; the limit is not the place.
      return next();
    }
    const take = this.buckets.take(caller);
    if (take.allowed) return next();
    const body = JSON.stringify({
      errors: [
        {
          message: `Too many requests for this API key: retry in ${take.retryAfterSeconds} s`,
          extensions: { code: RATE_LIMITED, retryAfterSeconds: take.retryAfterSeconds },
        },
      ],
    });
    res.writeHead(429, {
      'retry-after': String(take.retryAfterSeconds),
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  }

  private async callerOf(req: IncomingMessage): Promise<string> {
    const match = BEARER.exec(req.headers.authorization ?? '');
    const key = match ? await this.keys.authenticate(match[1]!) : null;
    if (key) return `key:${key.keyId}`;
    const presented = match ? createHash('sha256').update(match[1]!).digest('hex').slice(0, 16) : '-';
    return `anonymous:${req.socket.remoteAddress ?? ''}:${presented}`;
  }
}
