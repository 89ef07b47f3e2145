import {
  BadRequestException,
  ForbiddenException,
  InternalServerErrorException,
  Logger,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { firstValueFrom, throwError } from 'rxjs';
import { ErrorInterceptor } from './error.interceptor';

const context = {
  getClass: () => class Resolver {},
  getHandler: () => function query() {},
} as unknown as ExecutionContext;

async function intercepted(error: unknown): Promise<GraphQLError> {
  const next: CallHandler = { handle: () => throwError(() => error) };
  try {
    await firstValueFrom(new ErrorInterceptor().intercept(context, next));
  } catch (thrown) {
    if (thrown instanceof GraphQLError) return thrown;
    throw thrown;
  }
  throw new Error('the interceptor swallowed the error');
}

describe('ErrorInterceptor', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('masks an unexpected error', async () => {
    const error = await intercepted(
      new Error('Code: 60. DB::Exception: Unknown table resonance.x (SELECT secret FROM x)'),
    );
    expect(error.message).toBe('Internal server error');
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps validation details of a 4xx HTTP exception as BAD_USER_INPUT', async () => {
    const error = await intercepted(
      new BadRequestException(['first must not be greater than 100', 'after must be a string']),
    );
    expect(error.message).toBe('first must not be greater than 100; after must be a string');
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect((await intercepted(new ForbiddenException('analysts only'))).extensions.code).toBe('FORBIDDEN');
  });

  it('masks a 5xx HTTP exception', async () => {
    const error = await intercepted(new InternalServerErrorException('pool exhausted at 10.0.0.3'));
    expect(error.message).toBe('Internal server error');
  });
});
