import type { ChartPalette } from './palette';
import { baseOption, categoryAxis, tooltipRow, tooltipTitle, valueAxis, type ChartOption } from './options';

export interface Bar {
  /** The group's key, for drill-downs. */
  key: string;
  label: string;
  value: number | null;
  /** Shown under the value in the tooltip ("1,204 messages"). */
  detail?: string;
}

export interface BarOptions {
  seriesName: string;
  format: (value: number | null) => string;
  /** Axis scale, e.g. [0, 100] for percent or [-100, 100] for net sentiment. */
  min?: number;
  max?: number;
  /** Colour each bar by its sign (net sentiment) instead of one colour. */
  signed?: boolean;
  horizontal?: boolean;
}

/**
 * One figure per group (channel, brand, segment, agent) as bars, sorted as given. A group without a
 * value is an empty slot, not a zero.
 */
export function toBarOption(bars: readonly Bar[], palette: ChartPalette, options: BarOptions): ChartOption {
  const labels = bars.map((b) => b.label);
  const colour = (value: number | null) =>
    options.signed ? ((value ?? 0) < 0 ? palette.negative : palette.positive) : (palette.series[0] ?? palette.volume);
  const categories = categoryAxis(palette, labels);
  const values = {
    ...valueAxis(palette, (v: number) => options.format(v)),
    ...(options.min === undefined ? {} : { min: options.min }),
    ...(options.max === undefined ? {} : { max: options.max }),
  };
  const base = baseOption(palette);
  return {
    ...base,
    legend: { show: false },
    grid: options.horizontal
      ? { left: 8, right: 48, top: 8, bottom: 8, containLabel: true }
      : { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }).dataIndex;
        const bar = bars[index];
        if (!bar) return '';
        return (
          tooltipTitle(palette, bar.label) +
          tooltipRow(colour(bar.value), options.seriesName, options.format(bar.value)) +
          (bar.detail ? `<div style="color:${palette.muted}">${bar.detail}</div>` : '')
        );
      },
    },
    xAxis: options.horizontal ? values : categories,
    yAxis: options.horizontal ? { ...categories, inverse: true } : values,
    series: [
      {
        type: 'bar',
        name: options.seriesName,
        barMaxWidth: 36,
        cursor: 'pointer',
        data: bars.map((b) => ({
          value: b.value,
          itemStyle: { color: colour(b.value), borderRadius: options.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        })),
      },
    ],
  };
}
