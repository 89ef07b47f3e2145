import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode, DomainException, apiError } from '../common/domain.exception';

export enum AuthExceptionCode {
  MISSING_KEY = 'MISSING_KEY',
  INVALID_KEY = 'INVALID_KEY',
  INSUFFICIENT_ROLE = 'INSUFFICIENT_ROLE',
}

export class AuthException extends DomainException<AuthExceptionCode> {
  constructor(message: string, code: AuthExceptionCode) {
    super(message, code);
  }
}

const TO_API_CODE: Record<AuthExceptionCode, ApiErrorCode> = {
  [AuthExceptionCode.MISSING_KEY]: ApiErrorCode.UNAUTHENTICATED,
  [AuthExceptionCode.INVALID_KEY]: ApiErrorCode.UNAUTHENTICATED,
  [AuthExceptionCode.INSUFFICIENT_ROLE]: ApiErrorCode.FORBIDDEN,
};

/** Global: guards run before any resolver-level mapping, and every resolver is guarded. */
@Catch(AuthException)
export class AuthExceptionFilter implements ExceptionFilter<AuthException> {
  catch(exception: AuthException): GraphQLError {
    throw apiError(exception.message, TO_API_CODE[exception.code]);
  }
}
