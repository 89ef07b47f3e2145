import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { ApiErrorCode } from '../common/domain.exception';
import { INTERNAL_MESSAGE } from '../common/error.interceptor';
import { FilterException } from '../filter/filter.exception';
import { ExportException } from './export.exception';

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
  if (exception instanceof FilterException || exception instanceof ExportException) {
    return { status: 400, code: ApiErrorCode.BAD_USER_INPUT, reason: exception.code, message: exception.message };
  }
  // Nest's own (an unknown route under the controller, a malformed request).
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return { status: exception.getStatus(), code: 'BAD_REQUEST', message: exception.message };
  }
  return null;
}

/**
 * Errors of the HTTP export as JSON with the GraphQL codes, e.g. 400
 * `{"errors":[{"message":…,"extensions":{"code":"BAD_USER_INPUT","reason":"EMPTY_PERIOD"}}]}`.
 * Anything else is logged and sent as a bare 500; once the CSV has started, the connection is cut
 * so the client sees an incomplete download rather than a file that looks whole.
 */
@Catch()
export class ExportExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Export');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    let error = toHttpError(exception);
    if (!error) {
      this.logger.error(
        `export failed: ${exception instanceof Error ? exception.message : String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
      error = { status: 500, code: ApiErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const extensions = { code: error.code, ...(error.reason ? { reason: error.reason } : {}) };
    const body = JSON.stringify({ errors: [{ message: error.message, extensions }] });
    res.writeHead(error.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  }
}
