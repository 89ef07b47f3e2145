import { GraphQLError } from 'graphql';

/** The error codes clients see in `extensions.code`; everything else is INTERNAL_SERVER_ERROR. */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Base of every feature's exceptions: a message meant for the client and a feature-specific code
 * enum. Each feature maps its codes to an ApiErrorCode once, in its `<feature>.exception.ts`.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  protected constructor(
    message: string,
    readonly code: Code,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function apiError(message: string, code: ApiErrorCode, detail?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...detail } });
}
