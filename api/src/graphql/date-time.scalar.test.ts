import { Kind } from 'graphql';
import { DateTimeScalar } from './date-time.scalar';

describe('DateTime scalar', () => {
  it('reads ISO-8601 with a zone, or a plain date as UTC midnight', () => {
    expect(DateTimeScalar.parseValue('2025-03-08T10:00:00Z')).toEqual(new Date(Date.UTC(2025, 2, 8, 10)));
    expect(DateTimeScalar.parseValue('2025-03-08T10:00:00.5+02:00')).toEqual(
      new Date(Date.UTC(2025, 2, 8, 8, 0, 0, 500)),
    );
    expect(DateTimeScalar.parseValue('2025-03-08')).toEqual(new Date(Date.UTC(2025, 2, 8)));
  });

  it.each(['2025-03-08T10:00:00', '08/03/2025', '2025-02-30T00:00:00Z', '1899-12-31', 'now', 1741420800000])(
    'refuses %p',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow();
    },
  );

  it('writes UTC ISO strings', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2025, 2, 8, 8)))).toBe('2025-03-08T08:00:00.000Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2025-03-08T00:00:00Z' }, {})).toEqual(
      new Date(Date.UTC(2025, 2, 8)),
    );
  });
});
