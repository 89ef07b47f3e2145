import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// A date, or a date and time with an explicit offset: a time without one would be read in the
// server's time zone, which is never what a client means.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
// What ClickHouse's DateTime64 holds.
const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2300, 0, 1);

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_8601.test(value)) {
    throw new GraphQLError('DateTime must be an ISO-8601 string with a time zone, e.g. 2025-01-31T00:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Date.parse rolls 2025-02-30 over to March; a calendar date must exist.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const time = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth ? Date.parse(value) : NaN;
  if (Number.isNaN(time))
    throw new GraphQLError(`DateTime "${value}" is not a valid date`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (time < MIN || time >= MAX) {
    throw new GraphQLError(`DateTime "${value}" is outside 1900…2299`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new Date(time);
}

/** `DateTime`: an ISO-8601 string on the wire, a Date in resolvers. Always serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string with a time zone (serialised in UTC, e.g. 2025-01-31T09:30:00.000Z).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string | number);
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot serialise an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
