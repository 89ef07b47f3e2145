import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { inDataVersionScope } from './data-version-scope';

/**
 * Gives every resolver and controller call its own data-version scope (data-version-scope.ts).
 * `handle()` binds the handler to the async context it is called in (Nest's interceptors consumer
 * wraps it in AsyncResource.bind), so the handler and everything it awaits see the scope.
 */
@Injectable()
export class DataVersionScopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return inDataVersionScope(() => next.handle());
  }
}
