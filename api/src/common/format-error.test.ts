import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { formatError } from './format-error';

describe('formatError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('keeps client errors with their code and reason, and nothing else', () => {
    const formatted = formatError(
      {
        message: 'The period is empty',
        path: ['overview'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'EMPTY_PERIOD', stacktrace: ['at x'] },
      },
      new GraphQLError('The period is empty'),
    );
    expect(formatted).toEqual({
      message: 'The period is empty',
      path: ['overview'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'EMPTY_PERIOD' },
    });
  });

  it.each([
    ['no code', { message: 'Code: 60. DB::Exception: Table resonance.interactions does not exist' }],
    ['an unknown code', { message: 'SELECT … failed', extensions: { code: 'SOMETHING' } }],
    [
      'a server code',
      { message: 'Cannot return null for non-nullable field', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  ])('masks an error with %s', (_name, error) => {
    const formatted = formatError(error, new Error(error.message));
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
