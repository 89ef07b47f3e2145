import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { ApiErrorCode } from '../common/domain.exception';
import { INTERNAL_MESSAGE } from '../common/error.interceptor';
import { IngestException } from './ingest.exception';

interface HttpError {
  status: number;
  code: string;
  reason?: string;
  message: string;
}

function toHttpError(exception: unknown): HttpError | null {
  if (exception instanceof AuthException) {
    return exception.code === AuthExceptionCode.INSUFFICIENT_ROLE
      ? { status: 403, code: ApiErrorCode.FORBIDDEN, message: exception.message }
      : { status: 401, code: ApiErrorCode.UNAUTHENTICATED, message: exception.message };
  }
  if (exception instanceof IngestException) {
    return { status: 400, code: ApiErrorCode.BAD_USER_INPUT, reason: exception.code, message: exception.message };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return { status: exception.getStatus(), code: 'BAD_REQUEST', message: exception.message };
  }
  return null;
}

/** Errors of the ingest endpoint as JSON with the GraphQL codes; anything unexpected is logged and a bare 500. */
@Catch()
export class IngestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Ingest');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let error = toHttpError(exception);
    if (!error) {
      this.logger.error(
        `ingest failed: ${exception instanceof Error ? exception.message : String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
      error = { status: 500, code: ApiErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(error.status)
      .json({
        errors: [
          {
            message: error.message,
            extensions: { code: error.code, ...(error.reason ? { reason: error.reason } : {}) },
          },
        ],
      });
  }
}
