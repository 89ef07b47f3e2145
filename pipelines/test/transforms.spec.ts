import { authorKindForChannel, normaliseHandle, toE164 } from '../src/transforms/identity';
import { formatTime, parseTimestamp, timestampParser, TimeFormatError } from '../src/transforms/time';

describe('identity normaliser', () => {
  it.each([
    ['twitter', '@Bob_Smith', 'bob_smith'],
    ['twitter', '  @@AcmeHelp ', 'acmehelp'],
    ['instagram', 'Carla.M', 'carla.m'],
    ['email', 'Ann@Example.COM', 'ann@example.com'],
    ['email', 'mailto:Ann@example.com', 'ann@example.com'],
    ['phone', '+44 (0)20 7946 0958', '+442079460958'],
    ['phone', '+1 (415) 555-0100', '+14155550100'],
    ['phone', '0049 30 1234567', '+49301234567'],
    ['whatsapp', '+34 612 345 678', '+34612345678'],
    ['zendesk', 'Agent-7', 'agent-7'],
  ])('%s %j → %j', (kind, raw, expected) => {
    expect(normaliseHandle(kind, raw)).toBe(expected);
  });

  it.each([
    ['email', 'not an email'],
    ['email', ''],
    ['twitter', '@'],
    ['twitter', 'two words'],
    ['phone', '555-0100'],
    ['phone', '+12'],
    ['phone', 'call me'],
  ])('%s %j is not a handle', (kind, raw) => {
    expect(normaliseHandle(kind, raw)).toBeNull();
  });

  it('places national numbers with the default country', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('(415) 555-0100', 'us')).toBe('+14155550100');
    expect(toE164('1 415 555 0100', 'US')).toBe('+14155550100');
    expect(toE164('020 7946 0958')).toBeNull();
    expect(toE164('020 7946 0958', 'XX')).toBeNull();
  });

  it('gives authors of channels without their own identity kind an external id', () => {
    expect(authorKindForChannel('twitter')).toBe('twitter');
    expect(authorKindForChannel('reviews')).toBe('external');
  });
});

describe('timestamps', () => {
  it.each([
    ['2024-03-01T09:00:00Z', Date.UTC(2024, 2, 1, 9)],
    ['2024-03-01 09:00:00', Date.UTC(2024, 2, 1, 9)],
    ['2024-03-01T09:00:00.5+02:00', Date.UTC(2024, 2, 1, 7, 0, 0, 500)],
    ['2024-03-01T09:00:00.123456789-0530', Date.UTC(2024, 2, 1, 14, 30, 0, 123)],
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-03-01T09:00:00.123Z', Date.UTC(2024, 2, 1, 9, 0, 0, 123)],
    ['2024-03-01 09:00:00.123', Date.UTC(2024, 2, 1, 9, 0, 0, 123)],
    [' 2024-03-01T09:00:00Z ', Date.UTC(2024, 2, 1, 9)],
    ['1709625600', Date.UTC(2024, 2, 5, 8)],
    ['1709625600123', Date.UTC(2024, 2, 5, 8, 0, 0, 123)],
    ['Tue Oct 31 22:10:47 +0000 2017', Date.UTC(2017, 9, 31, 22, 10, 47)],
  ])('%s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '2024-02-30T09:00:00Z',
    '2024-13-01',
    'yesterday',
    '',
    'Tue Oct 32 22:10:47 +0000 2017',
    '2024-03-01T25:00:00Z',
    '2150-01-01',
  ])('refuses %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it('reads a mapping date format', () => {
    const parse = timestampParser('DD/MM/YYYY HH:mm');
    expect(parse('05/03/2024 14:30')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parse('31/02/2024 09:00')).toBeNull();
    expect(parse('2024-03-05')).toBeNull();
    expect(timestampParser('YYYY.MM.DD HH:mm:ss.SSS Z')('2024.03.05 14:30:01.250 +01:00')).toBe(
      Date.UTC(2024, 2, 5, 13, 30, 1, 250),
    );
    expect(() => timestampParser('HH:mm')).toThrow(TimeFormatError);
  });

  it('formats DateTime64(3) text like toISOString', () => {
    for (const ms of [
      0,
      1_700_000_000_123,
      1_709_251_199_999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 5),
      Date.UTC(2024, 2, 1),
    ]) {
      expect(formatTime(ms)).toBe(new Date(ms).toISOString().slice(0, 23).replace('T', ' '));
    }
  });
});
