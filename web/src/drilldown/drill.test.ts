import { describe, expect, it } from '@jest/globals';
import type { Filter } from '../filters/graphql/filter';
import { bucketRange, exportUrl, hourOfWeek, narrow, type Narrowing } from './drill';

const filter: Filter = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', segments: ['vip'] };

describe('narrow', () => {
  it('replaces the list of the clicked kind and keeps the rest of the filter', () => {
    expect(narrow(filter, { kind: 'channel', value: 'twitter' })).toEqual({ ...filter, channels: ['twitter'] });
    expect(narrow(filter, { kind: 'segment', value: 'smb' })).toEqual({ ...filter, segments: ['smb'] });
    expect(narrow(filter, { kind: 'agent', value: '' })).toEqual({ ...filter, agents: [''] });
    expect(narrow(filter, { kind: 'publicOnly' })).toEqual({ ...filter, publicOnly: true });
  });

  it('clips a time bucket to the period, so a week that starts before it shows only its days', () => {
    const week = bucketRange('2026-09-28', 7);
    expect(narrow(filter, { kind: 'period', ...week })).toEqual({
      ...filter,
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-05T00:00:00.000Z',
    });
    expect(bucketRange('2026-10-03T00:00:00.000Z', 1)).toEqual({
      from: '2026-10-03T00:00:00.000Z',
      to: '2026-10-04T00:00:00.000Z',
    });
  });

  it('narrows to a heatmap cell: the hour of the week of its weekday and hour', () => {
    expect(hourOfWeek(1, 0)).toBe(0);
    expect(hourOfWeek(1, 9)).toBe(9);
    expect(hourOfWeek(3, 14)).toBe(62);
    expect(hourOfWeek(7, 23)).toBe(167);
    expect(narrow(filter, { kind: 'hourOfWeek', value: hourOfWeek(2, 10) })).toEqual({ ...filter, hoursOfWeek: [34] });
  });

  it('narrows to a word of the cloud, in the tone the cloud shows', () => {
    const by: Narrowing[] = [
      { kind: 'term', value: 'refund' },
      { kind: 'sentiment', value: 'NEGATIVE' },
    ];
    expect(by.reduce(narrow, filter)).toEqual({ ...filter, terms: ['refund'], sentiments: ['NEGATIVE'] });
  });

  it('narrows a customer list to an experience and a cohort month', () => {
    const by: Narrowing[] = [
      { kind: 'experience', value: 'MISSED' },
      { kind: 'cohort', value: '2026-03' },
    ];
    expect(by.reduce(narrow, filter)).toEqual({ ...filter, experiences: ['MISSED'], cohorts: ['2026-03'] });
  });
});

describe('exportUrl', () => {
  it('passes the filter as the export endpoint reads it', () => {
    const drill = {
      title: 'x',
      rows: 'messages' as const,
      filter: { ...filter, channels: ['twitter', 'email'], publicOnly: true },
    };
    const url = new URL(exportUrl(drill), 'http://x');
    expect(url.pathname).toBe('/api/export/messages.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: filter.from,
      to: filter.to,
      segments: 'vip',
      channels: 'twitter,email',
      publicOnly: 'true',
    });
  });

  it('passes the drill-down narrowings by their Filter names', () => {
    const narrowed: Filter = { ...filter, hoursOfWeek: [9, 10], terms: ['refund'], sentiments: ['NEGATIVE'] };
    const url = new URL(exportUrl({ title: 'x', rows: 'messages', filter: narrowed }), 'http://x');
    expect(url.searchParams.get('hoursOfWeek')).toBe('9,10');
    expect(url.searchParams.get('terms')).toBe('refund');
    expect(url.searchParams.get('sentiments')).toBe('NEGATIVE');
  });

  it("exports a value figure's customers with its population", () => {
    const drill = {
      title: 'Missed',
      rows: 'customers' as const,
      population: 'PURCHASE_COHORTS' as const,
      filter: { ...filter, experiences: ['MISSED' as const], cohorts: ['2026-10'] },
    };
    const url = new URL(exportUrl(drill), 'http://x');
    expect(url.pathname).toBe('/api/export/customers.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      population: 'PURCHASE_COHORTS',
      from: filter.from,
      to: filter.to,
      segments: 'vip',
      experiences: 'MISSED',
      cohorts: '2026-10',
    });
  });

  it('keeps an explicit empty brand list (all brands) apart from no brand list (own brands)', () => {
    const url = (f: Filter) => new URL(exportUrl({ title: 'x', rows: 'messages', filter: f }), 'http://x');
    expect(url({ ...filter, brands: [] }).searchParams.get('brands')).toBe('');
    expect(url(filter).searchParams.has('brands')).toBe(false);
  });
});
