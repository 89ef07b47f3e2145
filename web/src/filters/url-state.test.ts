import { describe, expect, it } from '@jest/globals';
import {
  compareFits,
  DEFAULT_FILTER_STATE,
  isDay,
  parseFilterState,
  resolveCompareFrom,
  resolvePeriod,
  stringifyFilterState,
  toFilterInput,
  type FilterState,
} from './url-state';

describe('parseFilterState / stringifyFilterState', () => {
  it('reads an empty query as the default state and writes the default state as an empty query', () => {
    expect(parseFilterState('')).toEqual(DEFAULT_FILTER_STATE);
    expect(stringifyFilterState(DEFAULT_FILTER_STATE)).toBe('');
  });

  it('round-trips every part of the state', () => {
    const state: FilterState = {
      period: { kind: 'custom', from: '2026-10-01', to: '2026-10-31' },
      compare: 'year',
      brands: ['acme', 'globex'],
      channels: ['twitter'],
      segments: ['enterprise', 'smb'],
    };
    const query = stringifyFilterState(state);
    expect(query).toBe(
      '?from=2026-10-01&to=2026-10-31&compare=year&brand=acme&brand=globex&channel=twitter&segment=enterprise&segment=smb',
    );
    expect(parseFilterState(query)).toEqual(state);
  });

  it('writes presets other than the default and reads them back', () => {
    const state: FilterState = { ...DEFAULT_FILTER_STATE, period: { kind: 'preset', preset: '7d' } };
    expect(stringifyFilterState(state)).toBe('?period=7d');
    expect(parseFilterState('?period=7d')).toEqual(state);
    expect(parseFilterState('period=90d').period).toEqual({ kind: 'preset', preset: '90d' });
  });

  it('sorts and de-duplicates lists so one state has one URL', () => {
    const a = stringifyFilterState({ ...DEFAULT_FILTER_STATE, channels: ['twitter', 'email', 'twitter'] });
    const b = stringifyFilterState({ ...DEFAULT_FILTER_STATE, channels: ['email', 'twitter'] });
    expect(a).toBe(b);
    expect(parseFilterState('?channel=twitter&channel=email&channel=twitter').channels).toEqual(['email', 'twitter']);
  });

  it('keeps values that need escaping intact', () => {
    const state = { ...DEFAULT_FILTER_STATE, segments: ['key accounts & partners', 'a,b'] };
    expect(parseFilterState(stringifyFilterState(state)).segments).toEqual(['a,b', 'key accounts & partners']);
  });

  it('falls back to the default for each malformed part and keeps the valid ones', () => {
    const state = parseFilterState('?period=12d&compare=sideways&brand=acme&channel=&segment=%20');
    expect(state).toEqual({ ...DEFAULT_FILTER_STATE, brands: ['acme'] });
  });

  it('rejects impossible, reversed, half-given and overlong custom periods', () => {
    expect(parseFilterState('?from=2026-02-30&to=2026-03-10').period).toEqual(DEFAULT_FILTER_STATE.period);
    expect(parseFilterState('?from=2026-03-10&to=2026-03-01').period).toEqual(DEFAULT_FILTER_STATE.period);
    expect(parseFilterState('?from=2026-03-10').period).toEqual(DEFAULT_FILTER_STATE.period);
    expect(parseFilterState('?from=2023-01-01&to=2026-01-01').period).toEqual(DEFAULT_FILTER_STATE.period);
    expect(parseFilterState('?from=2023-01-01&to=2025-12-31').period).toEqual({
      kind: 'custom',
      from: '2023-01-01',
      to: '2025-12-31',
    });
    expect(parseFilterState('?from=2026-03-10&to=2026-03-10&period=7d').period).toEqual({
      kind: 'custom',
      from: '2026-03-10',
      to: '2026-03-10',
    });
  });

  it('accepts URLSearchParams as well as a string', () => {
    expect(parseFilterState(new URLSearchParams('period=7d')).period).toEqual({ kind: 'preset', preset: '7d' });
  });
});

describe('isDay', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe('resolvePeriod', () => {
  const dataTo = new Date('2026-11-20T17:32:00Z');
  const now = new Date('2026-11-22T09:00:00Z');

  it('ends the presets with the day of the latest data, whole UTC days, `to` exclusive', () => {
    expect(resolvePeriod({ kind: 'preset', preset: '30d' }, dataTo, now)).toEqual({
      from: new Date('2026-10-22T00:00:00Z'),
      to: new Date('2026-11-21T00:00:00Z'),
    });
    expect(resolvePeriod({ kind: 'preset', preset: '7d' }, dataTo, now)).toEqual({
      from: new Date('2026-11-14T00:00:00Z'),
      to: new Date('2026-11-21T00:00:00Z'),
    });
  });

  it('ends the presets today in a workspace without data', () => {
    expect(resolvePeriod({ kind: 'preset', preset: '90d' }, null, now)).toEqual({
      from: new Date('2026-08-25T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
    });
  });

  it('includes both days of a custom period', () => {
    expect(resolvePeriod({ kind: 'custom', from: '2026-02-27', to: '2026-03-01' }, dataTo, now)).toEqual({
      from: new Date('2026-02-27T00:00:00Z'),
      to: new Date('2026-03-02T00:00:00Z'),
    });
  });
});

describe('resolveCompareFrom', () => {
  const range = { from: new Date('2026-10-22T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };

  it('starts the previous period one period length earlier', () => {
    expect(resolveCompareFrom(range, 'previous')).toEqual(new Date('2026-09-22T00:00:00Z'));
  });

  it('starts the year-ago period on the same calendar day a year earlier', () => {
    expect(resolveCompareFrom(range, 'year')).toEqual(new Date('2025-10-22T00:00:00Z'));
  });

  it('has no compare period when comparison is off', () => {
    expect(resolveCompareFrom(range, 'none')).toBeNull();
  });
});

describe('compareFits', () => {
  const days = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });

  it('allows a year-ago comparison for periods up to a year, never beyond', () => {
    expect(compareFits(days('2026-01-01', '2027-01-01'), 'year')).toBe(true);
    expect(compareFits(days('2026-01-01', '2027-01-02'), 'year')).toBe(false);
  });

  it('always allows the previous period and no comparison', () => {
    expect(compareFits(days('2024-01-01', '2027-01-01'), 'previous')).toBe(true);
    expect(compareFits(days('2024-01-01', '2027-01-01'), 'none')).toBe(true);
  });
});

describe('toFilterInput', () => {
  const dataTo = new Date('2026-11-20T17:32:00Z');
  const now = new Date('2026-11-22T09:00:00Z');

  it('sends only the period for the default state (the api compares with the previous period)', () => {
    expect(toFilterInput(DEFAULT_FILTER_STATE, dataTo, now)).toEqual({
      from: '2026-10-22T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
  });

  it('sends lists that are set and the start of a year-ago comparison', () => {
    const state: FilterState = {
      ...DEFAULT_FILTER_STATE,
      period: { kind: 'preset', preset: '7d' },
      compare: 'year',
      brands: ['acme'],
      segments: ['smb'],
    };
    expect(toFilterInput(state, dataTo, now)).toEqual({
      from: '2026-11-14T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
      brands: ['acme'],
      segments: ['smb'],
      compareFrom: '2025-11-14T00:00:00.000Z',
    });
  });
});
