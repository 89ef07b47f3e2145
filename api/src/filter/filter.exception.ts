import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode, DomainException, apiError } from '../common/domain.exception';

export enum FilterExceptionCode {
  EMPTY_PERIOD = 'EMPTY_PERIOD',
  PERIOD_TOO_LONG = 'PERIOD_TOO_LONG',
  COMPARE_OVERLAPS = 'COMPARE_OVERLAPS',
  INVALID_FILTER = 'INVALID_FILTER',
}

/** A Filter input the api refuses: always the client's to fix. */
export class FilterException extends DomainException<FilterExceptionCode> {
  constructor(message: string, code: FilterExceptionCode) {
    super(message, code);
  }
}

const TO_API_CODE: Record<FilterExceptionCode, ApiErrorCode> = {
  [FilterExceptionCode.EMPTY_PERIOD]: ApiErrorCode.BAD_USER_INPUT,
  [FilterExceptionCode.PERIOD_TOO_LONG]: ApiErrorCode.BAD_USER_INPUT,
  [FilterExceptionCode.COMPARE_OVERLAPS]: ApiErrorCode.BAD_USER_INPUT,
  [FilterExceptionCode.INVALID_FILTER]: ApiErrorCode.BAD_USER_INPUT,
};

/** Global: every analytic query takes the same Filter. */
@Catch(FilterException)
export class FilterExceptionFilter implements ExceptionFilter<FilterException> {
  catch(exception: FilterException): GraphQLError {
    throw apiError(exception.message, TO_API_CODE[exception.code], { reason: exception.code });
  }
}
