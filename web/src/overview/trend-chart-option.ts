import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartPalette } from '../charts/palette';
import { formatCount, formatExactCount, formatNetSentiment, formatPercent, LOCALE } from '../format/format';
import { METRICS } from '../metrics/definitions';
import type { TrendPoint } from './graphql/overview.query';

export type TrendChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | AriaComponentOption
>;

/** Beyond this many buckets a zoom slider under the chart helps more than it clutters. */
const SLIDER_FROM_POINTS = 60;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type BucketUnit = 'hour' | 'day' | 'week' | 'month';

/** The api picks the bucket size from the period's length; the spacing of the buckets tells it. */
export function bucketUnit(points: readonly TrendPoint[]): BucketUnit {
  const [first, second] = points.map((p) => new Date(p.bucket).getTime());
  if (first === undefined || second === undefined || Number.isNaN(second - first)) return 'day';
  const step = second - first;
  if (step < DAY_MS) return 'hour';
  if (step < 7 * DAY_MS) return 'day';
  if (step < 28 * DAY_MS) return 'week';
  return 'month';
}

const LABEL_FORMATS: Record<BucketUnit, Intl.DateTimeFormat> = {
  hour: new Intl.DateTimeFormat(LOCALE, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }),
  day: new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  week: new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** Bucket labels in UTC, as the api buckets; a week is labelled by its Monday. */
export function bucketLabels(points: readonly TrendPoint[]): string[] {
  const format = LABEL_FORMATS[bucketUnit(points)];
  return points.map((p) => {
    const t = new Date(p.bucket).getTime();
    return Number.isNaN(t) ? '' : format.format(t);
  });
}

/** Percentages on the chart's scale: the api's rates are fractions 0..1. */
function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

interface AxisTooltipParam {
  dataIndex: number;
}

/**
 * Inbound volume as bars (left axis), response rate and net sentiment as lines on their own right
 * axes, sharing one tooltip. Gaps stay gaps: a bucket without messages has no rate.
 */
export function toChartOption(points: readonly TrendPoint[], palette: ChartPalette): TrendChartOption {
  const labels = bucketLabels(points);
  const axisLabel = { color: palette.muted };
  const valueAxisBase = {
    type: 'value' as const,
    axisLabel,
    nameTextStyle: { color: palette.muted, align: 'center' as const },
    axisLine: { show: false },
  };

  const tooltipFormatter = (params: AxisTooltipParam | AxisTooltipParam[]): string => {
    const first = Array.isArray(params) ? params[0] : params;
    const point = first ? points[first.dataIndex] : undefined;
    if (!first || !point) return '';
    const row = (color: string, label: string, value: string) =>
      `<div style="display:flex;gap:16px;justify-content:space-between"><span>` +
      `<span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${color}"></span>` +
      `${label}</span><strong>${value}</strong></div>`;
    return [
      `<div style="margin-bottom:4px;color:${palette.muted}">${labels[first.dataIndex] ?? ''}</div>`,
      row(palette.volume, METRICS.inbound.label, formatExactCount(point.inbound)),
      row(palette.rate, METRICS.responseRate.label, formatPercent(point.responseRate)),
      row(palette.sentiment, METRICS.netSentiment.label, formatNetSentiment(point.netSentiment)),
    ].join('');
  };

  const option: TrendChartOption = {
    aria: { enabled: true },
    animationDuration: 400,
    textStyle: { color: palette.text },
    grid: { left: 56, right: 112, top: 48, bottom: points.length > SLIDER_FROM_POINTS ? 72 : 32 },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 12,
      itemHeight: 8,
      textStyle: { color: palette.text },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text },
      formatter: tooltipFormatter as TooltipComponentOption['formatter'],
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axisLine } },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: [
      {
        ...valueAxisBase,
        name: 'Messages',
        min: 0,
        splitLine: { lineStyle: { color: palette.splitLine } },
        axisLabel: { ...axisLabel, formatter: (v: number) => formatCount(v) },
      },
      {
        ...valueAxisBase,
        name: 'Response',
        position: 'right',
        min: 0,
        max: 100,
        splitLine: { show: false },
        axisLabel: { color: palette.rate, formatter: '{value}%' },
        nameTextStyle: { color: palette.rate },
      },
      {
        ...valueAxisBase,
        name: 'Net sent.',
        position: 'right',
        offset: 56,
        min: -100,
        max: 100,
        splitLine: { show: false },
        axisLabel: { color: palette.sentiment },
        nameTextStyle: { color: palette.sentiment },
      },
    ],
    dataZoom:
      points.length > SLIDER_FROM_POINTS
        ? [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 12, textStyle: { color: palette.muted } }]
        : [{ type: 'inside' }],
    series: [
      {
        name: METRICS.inbound.label,
        type: 'bar',
        yAxisIndex: 0,
        data: points.map((p) => p.inbound),
        itemStyle: { color: palette.volume, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 28,
      },
      {
        name: METRICS.responseRate.label,
        type: 'line',
        yAxisIndex: 1,
        data: points.map((p) => percent(p.responseRate)),
        itemStyle: { color: palette.rate },
        lineStyle: { width: 2.5 },
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: points.length <= 31,
        connectNulls: false,
      },
      {
        name: METRICS.netSentiment.label,
        type: 'line',
        yAxisIndex: 2,
        data: points.map((p) => round1(p.netSentiment)),
        itemStyle: { color: palette.sentiment },
        lineStyle: { width: 2.5 },
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: points.length <= 31,
        connectNulls: false,
      },
    ],
  };
  return option;
}
