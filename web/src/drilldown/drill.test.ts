import { describe, expect, it } from '@jest/globals';
import type { Filter } from '../filters/graphql/filter';
import { bucketRange, exportUrl, narrow } from './drill';

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
});

describe('exportUrl', () => {
  it('passes the filter as the export endpoint reads it', () => {
    const url = new URL(exportUrl({ ...filter, channels: ['twitter', 'email'], publicOnly: true }), 'http://x');
    expect(url.pathname).toBe('/api/export/messages.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: filter.from,
      to: filter.to,
      segments: 'vip',
      channels: 'twitter,email',
      publicOnly: 'true',
    });
  });

  it('keeps an explicit empty brand list (all brands) apart from no brand list (own brands)', () => {
    expect(new URL(exportUrl({ ...filter, brands: [] }), 'http://x').searchParams.get('brands')).toBe('');
    expect(new URL(exportUrl(filter), 'http://x').searchParams.has('brands')).toBe(false);
  });
});
