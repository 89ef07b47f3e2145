import { describe, expect, it } from '@jest/globals';
import { PALETTES } from '../charts/palette';
import type { ResponseFigures } from './graphql/response.query';
import {
  hourOfWeekCells,
  hourOfWeekLabel,
  parseHourOfWeek,
  toHourOfWeekOption,
  toResponseByGroupOption,
} from './response-options';

const row = (key: string, responseRate: number | null, p50: number | null, p90: number | null): ResponseFigures => ({
  key,
  inbound: 10,
  replied: 5,
  pending: 0,
  missed: 5,
  botReplied: 0,
  responseRate,
  frtP50Seconds: p50,
  frtP90Seconds: p90,
  frtP95Seconds: null,
  frtMeanSeconds: null,
  businessFrtP50Seconds: null,
  businessFrtP90Seconds: null,
});

type AnySeries = { type: string; name: string; yAxisIndex?: number; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as AnySeries[];

describe('toResponseByGroupOption', () => {
  it('shows the rate in percent and the percentiles in hours, groups labelled for people', () => {
    const option = toResponseByGroupOption(
      [row('twitter', 0.4567, 5400, 36_000), row('email', null, null, null)],
      (k) => k.toUpperCase(),
      PALETTES.light,
    );
    expect(option.xAxis).toMatchObject({ data: ['TWITTER', 'EMAIL'] });
    expect(seriesOf(option).map((s) => [s.type, s.name, s.yAxisIndex ?? 0, s.data])).toEqual([
      ['bar', 'Response rate', 0, [45.7, null]],
      ['scatter', 'FRT p50', 1, [1.5, null]],
      ['scatter', 'FRT p90', 1, [10, null]],
    ]);
  });
});

describe('toHourOfWeekOption', () => {
  it('reads D-HH keys, Monday first', () => {
    expect(parseHourOfWeek('1-09')).toEqual([9, 0]);
    expect(parseHourOfWeek('7-23')).toEqual([23, 6]);
    expect(parseHourOfWeek('8-01')).toBeNull();
    expect(parseHourOfWeek('1-24')).toBeNull();
  });

  it('puts the median FRT of each hour in its cell and ends the colour scale at the 90th percentile', () => {
    const option = toHourOfWeekOption(
      [row('1-09', 1, 1800, 3600), row('3-14', 1, 7200, 9000), row('5-02', 0, null, null)],
      PALETTES.light,
    );
    expect(seriesOf(option)[0]?.data).toEqual([
      [9, 0, 0.5],
      [14, 2, 2],
    ]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 2 });
    const many = Array.from({ length: 20 }, (_, i) => row(`1-${String(i).padStart(2, '0')}`, 1, (i + 1) * 3600, null));
    many.push(row('2-00', 1, 500 * 3600, null));
    expect(toHourOfWeekOption(many, PALETTES.light).visualMap).toMatchObject({ max: 19 });
  });
});

describe('hourOfWeekCells', () => {
  it("lists the drawn cells in the series' order, so a click's dataIndex finds its row", () => {
    const rows = [row('5-02', 0, null, null), row('1-09', 1, 1800, 3600), row('3-14', 1, 7200, 9000)];
    const cells = hourOfWeekCells(rows);
    expect(cells.map((c) => [c.hour, c.weekday, c.row.key])).toEqual([
      [9, 0, '1-09'],
      [14, 2, '3-14'],
    ]);
    const data = seriesOf(toHourOfWeekOption(rows, PALETTES.light))[0]?.data as [number, number, number][];
    expect(data.map(([hour, weekday]) => [hour, weekday])).toEqual(cells.map((c) => [c.hour, c.weekday]));
    expect(hourOfWeekLabel(cells[1]!)).toBe('Wed 14:00');
  });
});
