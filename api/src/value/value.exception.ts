import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode, DomainException, apiError } from '../common/domain.exception';

export enum ValueExceptionCode {
  INVALID_BOOTSTRAP_SAMPLES = 'INVALID_BOOTSTRAP_SAMPLES',
  INVALID_LIMIT = 'INVALID_LIMIT',
}

export class ValueException extends DomainException<ValueExceptionCode> {
  constructor(message: string, code: ValueExceptionCode) {
    super(message, code);
  }
}

const TO_API_CODE: Record<ValueExceptionCode, ApiErrorCode> = {
  [ValueExceptionCode.INVALID_BOOTSTRAP_SAMPLES]: ApiErrorCode.BAD_USER_INPUT,
  [ValueExceptionCode.INVALID_LIMIT]: ApiErrorCode.BAD_USER_INPUT,
};

@Catch(ValueException)
export class ValueExceptionFilter implements ExceptionFilter<ValueException> {
  catch(exception: ValueException): GraphQLError {
    throw apiError(exception.message, TO_API_CODE[exception.code], { reason: exception.code });
  }
}
