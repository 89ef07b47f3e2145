import { HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { ApiErrorCode } from './domain.exception';
import { INTERNAL_MESSAGE } from './error.interceptor';

interface HttpError {
  status: number;
  code: string;
  reason?: string;
  message: string;
}

/** A domain exception whose `code` is the client's reason (FilterException, ExportException, …). */
type InputException = abstract new (...args: never[]) => Error & { code: string };

/**
 * Errors of the plain HTTP routes (CSV export, ingest) as JSON with the GraphQL codes, e.g. 400
 * `{"errors":[{"message":…,"extensions":{"code":"BAD_USER_INPUT","reason":"EMPTY_PERIOD"}}]}`.
 * Anything else is logged and sent as a bare 500; once a streamed body has started, the
 * connection is cut so the client sees an incomplete transfer rather than one that looks whole.
 * A route's filter names the exceptions that are the client's input errors.
 */
export abstract class HttpErrorFilter implements ExceptionFilter {
  private readonly logger: Logger;

  protected constructor(
    private readonly area: string,
    private readonly inputExceptions: readonly InputException[],
  ) {
    this.logger = new Logger(area);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    let error = this.toHttpError(exception);
    if (!error) {
      this.logger.error(
        `${this.area.toLowerCase()} failed: ${exception instanceof Error ? exception.message : String(exception)}`,
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

  private toHttpError(exception: unknown): HttpError | null {
    if (exception instanceof AuthException) {
      return exception.code === AuthExceptionCode.INSUFFICIENT_ROLE
        ? { status: 403, code: ApiErrorCode.FORBIDDEN, message: exception.message }
        : { status: 401, code: ApiErrorCode.UNAUTHENTICATED, message: exception.message };
    }
    if (this.inputExceptions.some((type) => exception instanceof type)) {
      const input = exception as Error & { code: string };
      return { status: 400, code: ApiErrorCode.BAD_USER_INPUT, reason: input.code, message: input.message };
    }
    // Nest's own (an unknown route under the controller, a malformed request).
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { status: exception.getStatus(), code: 'BAD_REQUEST', message: exception.message };
    }
    return null;
  }
}
