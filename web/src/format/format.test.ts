import { describe, expect, it } from '@jest/globals';
import {
  formatDateTime,
  formatSentiment,
  formatShare,
  formatCount,
  formatCurrency,
  formatDuration,
  formatNetSentiment,
  formatPercent,
  formatPeriod,
  formatPointChange,
  formatRelativeChange,
  NO_VALUE,
} from './format';

describe('formatCount', () => {
  it('groups digits below 100,000 and abbreviates above', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(48213)).toBe('48,213');
    expect(formatCount(99_999)).toBe('99,999');
    expect(formatCount(482_130)).toBe('482K');
    expect(formatCount(1_236_000)).toBe('1.24M');
  });

  it('shows a dash for a missing or non-finite value', () => {
    expect(formatCount(null)).toBe(NO_VALUE);
    expect(formatCount(Number.NaN)).toBe(NO_VALUE);
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(formatPercent(0.72434)).toBe('72.4%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe(NO_VALUE);
  });
});

describe('formatNetSentiment', () => {
  it('always shows the sign, with a real minus', () => {
    expect(formatNetSentiment(12.34)).toBe('+12.3');
    expect(formatNetSentiment(-8)).toBe('\u22128.0');
    expect(formatNetSentiment(0)).toBe('0.0');
    expect(formatNetSentiment(-0.04)).toBe('0.0');
    expect(formatNetSentiment(null)).toBe(NO_VALUE);
  });
});

describe('formatCurrency', () => {
  it('uses the workspace currency, whole units below 100,000 and abbreviations above', () => {
    expect(formatCurrency(84_210.4, 'USD')).toBe('$84,210');
    expect(formatCurrency(1_240_000, 'USD')).toBe('$1.24M');
    expect(formatCurrency(5_000, 'eur')).toBe('€5,000');
  });

  it('falls back to the number and the label for a code that is not ISO 4217', () => {
    expect(formatCurrency(1234, 'POINTS')).toBe('1,234 POINTS');
  });
});

describe('formatDuration', () => {
  it('reads like people say it', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(14 * 60 + 10)).toBe('14 min');
    expect(formatDuration(2 * 3600 + 14 * 60)).toBe('2 h 14 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 20 * 60)).toBe('3 d 4 h');
    expect(formatDuration(2 * 86400)).toBe('2 d');
  });

  it('carries rounding into the next unit instead of showing "60 min"', () => {
    expect(formatDuration(59 * 60 + 50)).toBe('1 h');
    expect(formatDuration(23 * 3600 + 59 * 60 + 50)).toBe('1 d');
  });

  it('shows a dash for no value or a negative duration', () => {
    expect(formatDuration(null)).toBe(NO_VALUE);
    expect(formatDuration(-5)).toBe(NO_VALUE);
  });
});

describe('changes', () => {
  it('signs relative and point changes and leaves a zero unsigned', () => {
    expect(formatRelativeChange(0.1243)).toBe('+12.4%');
    expect(formatRelativeChange(-0.5)).toBe('\u221250.0%');
    expect(formatRelativeChange(0.0001)).toBe('0.0%');
    expect(formatPointChange(3.21)).toBe('+3.2 pts');
    expect(formatPointChange(-0.96)).toBe('\u22121.0 pts');
  });
});

describe('formatPeriod', () => {
  it('shows the days of a half-open period', () => {
    expect(formatPeriod(new Date('2026-10-22T00:00:00Z'), new Date('2026-11-21T00:00:00Z'))).toBe(
      'Oct 22 – Nov 20, 2026',
    );
    expect(formatPeriod(new Date('2025-12-15T00:00:00Z'), new Date('2026-01-14T00:00:00Z'))).toBe(
      'Dec 15, 2025 – Jan 13, 2026',
    );
    expect(formatPeriod(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-21T00:00:00Z'))).toBe('Nov 20, 2026');
  });
});

describe('formatDateTime, formatSentiment, formatShare', () => {
  it('shows instants in UTC with the zone named', () => {
    expect(formatDateTime('2026-11-03T14:05:09.000Z')).toBe('Nov 3, 2026, 14:05 UTC');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('signs sentiment scores, and shows a score that rounds to zero unsigned', () => {
    expect(formatSentiment(0.4249)).toBe('+0.42');
    expect(formatSentiment(-0.67)).toBe('\u22120.67');
    expect(formatSentiment(-0.001)).toBe('0.00');
    expect(formatSentiment(null)).toBe('—');
  });

  it('rounds shares to whole percent', () => {
    expect(formatShare(0.724)).toBe('72%');
    expect(formatShare(undefined)).toBe('—');
  });
});
