import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode, DomainException, apiError } from '../common/domain.exception';

export enum CustomersExceptionCode {
  INVALID_SEARCH = 'INVALID_SEARCH',
  INVALID_CUSTOMER_ID = 'INVALID_CUSTOMER_ID',
}

export class CustomersException extends DomainException<CustomersExceptionCode> {
  constructor(message: string, code: CustomersExceptionCode) {
    super(message, code);
  }
}

const TO_API_CODE: Record<CustomersExceptionCode, ApiErrorCode> = {
  [CustomersExceptionCode.INVALID_SEARCH]: ApiErrorCode.BAD_USER_INPUT,
  [CustomersExceptionCode.INVALID_CUSTOMER_ID]: ApiErrorCode.BAD_USER_INPUT,
};

@Catch(CustomersException)
export class CustomersExceptionFilter implements ExceptionFilter<CustomersException> {
  catch(exception: CustomersException): GraphQLError {
    throw apiError(exception.message, TO_API_CODE[exception.code], { reason: exception.code });
  }
}
