import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from './domain.exception';
import { INTERNAL_MESSAGE } from './error.interceptor';

/**
 * Codes that describe the request, not the server: their messages are safe to show. A feature
 * that needs a new client code adds it to ApiErrorCode; anything else is masked.
 */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ApiErrorCode).filter((code) => code !== ApiErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const logger = new Logger('GraphQL');

/**
 * The last line before a response: keeps only message, code, locations and path, and masks any
 * error without a client code (for instance one raised outside a resolver, such as a guard's
 * database lookup, or a non-null field that resolved to null), logging the original.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (code !== undefined && CLIENT_CODES.has(code)) {
    const reason = formatted.extensions?.reason;
    return {
      message: formatted.message,
      ...base,
      extensions: { code, ...(typeof reason === 'string' ? { reason } : {}) },
    };
  }
  if (code !== ApiErrorCode.INTERNAL_SERVER_ERROR || formatted.message !== INTERNAL_MESSAGE) {
    const original =
      error instanceof Error && 'originalError' in error && error.originalError instanceof Error
        ? error.originalError
        : error;
    logger.error(`unexpected error: ${formatted.message}`, original instanceof Error ? original.stack : undefined);
  }
  return { message: INTERNAL_MESSAGE, ...base, extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
}
