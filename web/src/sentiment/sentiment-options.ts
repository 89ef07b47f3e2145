import type { ChartPalette } from '../charts/palette';
import {
  baseOption,
  categoryAxis,
  round,
  tooltipRow,
  tooltipTitle,
  valueAxis,
  type ChartOption,
} from '../charts/options';
import { formatCount, formatExactCount, formatNetSentiment, formatShare } from '../format/format';
import type { SentimentFigures, TrendInterval } from './graphql/sentiment.query';
import type { BrandVoice } from './graphql/voice.query';
import type { Term } from './graphql/top-terms.query';

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Trend keys are UTC bucket starts, YYYY-MM-DD; a week is labelled by its Monday. */
export function trendLabel(key: string, interval: TrendInterval): string {
  const time = new Date(`${key}T00:00:00Z`).getTime();
  if (Number.isNaN(time)) return key;
  return interval === 'WEEK' ? `Week of ${dayLabel.format(time)}` : dayLabel.format(time);
}

/**
 * Messages by sentiment class per bucket as stacked bars, net sentiment as a line on its own axis
 * (−100…100). A bucket without positive or negative messages has no net sentiment: a gap.
 */
export function toSentimentTrendOption(
  trend: readonly SentimentFigures[],
  interval: TrendInterval,
  palette: ChartPalette,
): ChartOption {
  const labels = trend.map((p) => trendLabel(p.key, interval));
  const base = baseOption(palette);
  const classes = [
    { name: 'Positive', color: palette.positive, value: (p: SentimentFigures) => p.positive },
    { name: 'Neutral', color: palette.neutral, value: (p: SentimentFigures) => p.neutral },
    { name: 'Negative', color: palette.negative, value: (p: SentimentFigures) => p.negative },
  ];
  return {
    ...base,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
        const point = first ? trend[first.dataIndex] : undefined;
        if (!first || !point) return '';
        return [
          tooltipTitle(palette, labels[first.dataIndex] ?? ''),
          ...classes.map((c) => tooltipRow(c.color, c.name, formatExactCount(c.value(point)))),
          tooltipRow(palette.sentiment, 'Net sentiment', formatNetSentiment(point.netSentiment)),
        ].join('');
      },
    },
    xAxis: categoryAxis(palette, labels),
    yAxis: [
      { ...valueAxis(palette, (v: number) => formatCount(v)), name: 'Messages', min: 0 },
      { ...valueAxis(palette), name: 'Net', min: -100, max: 100, splitLine: { show: false }, position: 'right' },
    ],
    series: [
      ...classes.map((c) => ({
        type: 'bar' as const,
        name: c.name,
        stack: 'messages',
        cursor: 'pointer',
        itemStyle: { color: c.color },
        barMaxWidth: 28,
        data: trend.map(c.value),
      })),
      {
        type: 'line' as const,
        name: 'Net sentiment',
        yAxisIndex: 1,
        itemStyle: { color: palette.sentiment },
        lineStyle: { width: 2.5 },
        showSymbol: trend.length <= 31,
        connectNulls: false,
        data: trend.map((p) => round(p.netSentiment)),
      },
    ],
  };
}

/** Each brand's mentions split by sentiment class, most mentioned first, with its share in the label. */
export function toShareOfVoiceOption(brands: readonly BrandVoice[], palette: ChartPalette): ChartOption {
  const labels = brands.map((b) => `${b.name} · ${formatShare(b.share)}`);
  const base = baseOption(palette);
  const classes = [
    { name: 'Positive', color: palette.positive, value: (b: BrandVoice) => b.positive },
    { name: 'Neutral', color: palette.neutral, value: (b: BrandVoice) => b.neutral },
    { name: 'Negative', color: palette.negative, value: (b: BrandVoice) => b.negative },
  ];
  return {
    ...base,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { ...(base.tooltip as object), trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(palette, (v: number) => formatCount(v)),
    yAxis: { ...categoryAxis(palette, labels), inverse: true },
    series: classes.map((c) => ({
      type: 'bar' as const,
      name: c.name,
      stack: 'mentions',
      cursor: 'pointer',
      barMaxWidth: 26,
      itemStyle: { color: c.color },
      data: brands.map(c.value),
    })),
  };
}

export interface ReachSplit {
  answered: number;
  pending: number;
  missed: number;
}

/** Amplified negative reach as one bar per outcome: what answering reached and what was left in public. */
export function toNegativeReachOption(split: ReachSplit, palette: ChartPalette): ChartOption {
  const parts = [
    { key: 'answered', label: 'Answered', value: split.answered, color: palette.positive },
    { key: 'pending', label: 'Pending (within SLA)', value: split.pending, color: palette.neutral },
    { key: 'missed', label: 'Missed', value: split.missed, color: palette.negative },
  ];
  const base = baseOption(palette);
  return {
    ...base,
    legend: { show: false },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const part = parts[(params as { dataIndex: number }).dataIndex];
        return part ? tooltipRow(part.color, part.label, `${formatExactCount(part.value)} reach`) : '';
      },
    },
    xAxis: valueAxis(palette, (v: number) => formatCount(v)),
    yAxis: {
      ...categoryAxis(
        palette,
        parts.map((p) => p.label),
      ),
      inverse: true,
    },
    series: [
      {
        type: 'bar',
        name: 'Reach',
        cursor: 'pointer',
        barMaxWidth: 32,
        label: {
          show: true,
          position: 'right',
          color: palette.text,
          formatter: (p: { value: unknown }) => formatCount(Number(p.value)),
        },
        data: parts.map((p) => ({ value: p.value, itemStyle: { color: p.color, borderRadius: [0, 3, 3, 0] } })),
      },
    ],
  };
}

/** The word cloud's option (echarts-wordcloud's series; not in ECharts' own option types). */
export interface WordCloudOption {
  aria: { enabled: boolean };
  tooltip: object;
  series: {
    type: 'wordCloud';
    shape: 'circle';
    sizeRange: [number, number];
    rotationRange: [number, number];
    gridSize: number;
    width: string;
    height: string;
    drawOutOfBound: false;
    textStyle: { fontFamily: string; fontWeight: number };
    data: { name: string; value: number; textStyle: { color: string } }[];
  }[];
}

/** Terms sized by the messages using them, coloured by the sentiment class asked for. */
export function toWordCloudOption(
  terms: readonly Term[],
  tone: 'positive' | 'negative' | 'all',
  palette: ChartPalette,
): WordCloudOption {
  const colours = tone === 'positive' ? [palette.positive] : tone === 'negative' ? [palette.negative] : palette.series;
  return {
    aria: { enabled: true },
    tooltip: {
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text },
      formatter: (p: { name: string; value: number }) => `${p.name}: ${formatExactCount(p.value)} messages`,
    },
    series: [
      {
        type: 'wordCloud',
        shape: 'circle',
        sizeRange: [12, 48],
        rotationRange: [0, 0],
        gridSize: 6,
        width: '100%',
        height: '100%',
        drawOutOfBound: false,
        textStyle: { fontFamily: 'Inter, system-ui, sans-serif', fontWeight: 600 },
        data: terms.map((t, i) => ({
          name: t.term,
          value: t.messages,
          textStyle: { color: colours[i % colours.length] ?? palette.text },
        })),
      },
    ],
  };
}
