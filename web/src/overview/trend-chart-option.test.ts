import { describe, expect, it } from '@jest/globals';
import type { LineSeriesOption } from 'echarts/charts';
import { PALETTES } from '../charts/palette';
import type { TrendPoint } from './graphql/overview.query';
import { bucketLabels, bucketUnit, toChartOption } from './trend-chart-option';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00.000Z`;

const points: TrendPoint[] = [
  { bucket: day(1), inbound: 120, responseRate: 0.5, netSentiment: -10.04 },
  { bucket: day(2), inbound: 0, responseRate: null, netSentiment: null },
  { bucket: day(3), inbound: 95, responseRate: 0.6842, netSentiment: 22.26 },
];

function series(option: ReturnType<typeof toChartOption>) {
  const list = option.series;
  if (!Array.isArray(list)) throw new Error('series is not a list');
  return list;
}

describe('toChartOption (trend)', () => {
  const option = toChartOption(points, PALETTES.light);

  it('draws volume as bars and the rates as lines on their own axes', () => {
    expect(series(option).map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', 'Inbound messages', 0],
      ['line', 'Response rate', 1],
      ['line', 'Net sentiment', 2],
    ]);
  });

  it('scales response rate to percent, rounds sentiment, and leaves empty buckets as gaps', () => {
    const [bars, rate, sentiment] = series(option);
    expect(bars?.data).toEqual([120, 0, 95]);
    expect(rate?.data).toEqual([50, null, 68.4]);
    expect(sentiment?.data).toEqual([-10, null, 22.3]);
    expect((rate as LineSeriesOption).connectNulls).toBe(false);
  });

  it('tells the bucket size from the spacing of the buckets', () => {
    const at = (...buckets: string[]) =>
      buckets.map((bucket) => ({ bucket, inbound: 1, responseRate: 1, netSentiment: 0 }));
    expect(bucketUnit(points)).toBe('day');
    expect(bucketUnit(at('2026-11-01T13:00:00Z', '2026-11-01T14:00:00Z'))).toBe('hour');
    expect(bucketUnit(at('2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z'))).toBe('week');
    expect(bucketUnit(at('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'))).toBe('month');
    expect(bucketLabels(at('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'))).toEqual(['Feb 2026', 'Mar 2026']);
  });

  it('labels UTC day buckets as days and hour buckets with the time', () => {
    expect(bucketLabels(points)).toEqual(['Nov 1', 'Nov 2', 'Nov 3']);
    expect(
      bucketLabels([
        { bucket: '2026-11-01T13:00:00.000Z', inbound: 1, responseRate: 1, netSentiment: 0 },
        { bucket: '2026-11-01T14:00:00.000Z', inbound: 1, responseRate: 1, netSentiment: 0 },
      ]),
    ).toEqual(['Nov 1, 13:00', 'Nov 1, 14:00']);
  });

  it('shows every figure of a bucket, formatted, in the tooltip', () => {
    const tooltip = option.tooltip;
    if (!tooltip || Array.isArray(tooltip) || typeof tooltip.formatter !== 'function') {
      throw new Error('no tooltip formatter');
    }
    const html = String((tooltip.formatter as (p: unknown) => string)([{ dataIndex: 2 }]));
    expect(html).toContain('Nov 3');
    expect(html).toContain('<strong>95</strong>');
    expect(html).toContain('<strong>68.4%</strong>');
    expect(html).toContain('<strong>+22.3</strong>');
  });

  it('adds a zoom slider only for long series', () => {
    const long = Array.from({ length: 90 }, (_, i) => ({
      bucket: new Date(Date.UTC(2026, 7, 1 + i)).toISOString(),
      inbound: i,
      responseRate: 0.5,
      netSentiment: 0,
    }));
    const zoomTypes = (o: ReturnType<typeof toChartOption>) =>
      (Array.isArray(o.dataZoom) ? o.dataZoom : [o.dataZoom]).map((z) => z?.type);
    expect(zoomTypes(option)).toEqual(['inside']);
    expect(zoomTypes(toChartOption(long, PALETTES.dark))).toEqual(['inside', 'slider']);
  });

  it('takes its colours from the palette', () => {
    const [bars] = series(toChartOption(points, PALETTES.dark));
    expect(bars?.itemStyle).toMatchObject({ color: PALETTES.dark.volume });
  });
});
