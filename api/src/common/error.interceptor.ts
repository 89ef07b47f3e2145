import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { catchError, type Observable } from 'rxjs';
import { ApiErrorCode, DomainException, apiError } from './domain.exception';

export const INTERNAL_MESSAGE = 'Internal server error';

/**
 * A Nest HTTP exception with a 4xx status (a ValidationPipe's BadRequestException, a
 * ForbiddenException) is the client's to fix: it keeps its message, with the validation details.
 */
function fromHttpException(error: HttpException): GraphQLError {
  const status = error.getStatus();
  const response = error.getResponse();
  const details =
    typeof response === 'object' && response !== null && 'message' in response ? response.message : undefined;
  const message = Array.isArray(details) ? details.join('; ') : typeof details === 'string' ? details : error.message;
  const code =
    status === HttpStatus.UNAUTHORIZED
      ? ApiErrorCode.UNAUTHENTICATED
      : status === HttpStatus.FORBIDDEN
        ? ApiErrorCode.FORBIDDEN
        : ApiErrorCode.BAD_USER_INPUT;
  return apiError(message, code);
}

/**
 * Anything a resolver throws that is neither a GraphQL error nor a domain exception (a database
 * error, a bug) is logged here with its stack and reaches the client only as a generic
 * INTERNAL_SERVER_ERROR: no SQL, no stack, no internals.
 */
@Injectable()
export class ErrorInterceptor implements NestInterceptor {
  private readonly logger = new Logger('GraphQL');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof GraphQLError || error instanceof DomainException) throw error;
        if (error instanceof HttpException && error.getStatus() < 500) throw fromHttpException(error);
        const where = `${context.getClass().name}.${context.getHandler().name}`;
        this.logger.error(
          `${where} failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof Error ? error.stack : undefined,
        );
        throw apiError(INTERNAL_MESSAGE, ApiErrorCode.INTERNAL_SERVER_ERROR);
      }),
    );
  }
}
