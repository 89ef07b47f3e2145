import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartPalette } from './palette';

/** An option of the chart types and components registered in echarts.ts. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | HeatmapSeriesOption
  | BoxplotSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
>;

/** What a click on a mark tells a drill-down (ECharts' event params, the parts used). */
export interface ChartClick {
  componentType?: string;
  seriesName?: string;
  seriesIndex?: number;
  dataIndex: number;
  name?: string;
}

export function isChartClick(params: unknown): params is ChartClick {
  return typeof params === 'object' && params !== null && typeof (params as ChartClick).dataIndex === 'number';
}

/** The parts every chart shares: aria, text colours, a themed tooltip and legend. */
export function baseOption(palette: ChartPalette): ChartOption {
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { color: palette.text },
    legend: {
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 12,
      itemHeight: 8,
      textStyle: { color: palette.text },
    },
    tooltip: {
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text },
      confine: true,
    },
  };
}

export function categoryAxis(palette: ChartPalette, labels: readonly string[]) {
  return {
    type: 'category' as const,
    data: [...labels],
    axisTick: { show: false },
    axisLine: { lineStyle: { color: palette.axisLine } },
    axisLabel: { color: palette.muted, hideOverlap: true },
  };
}

export function valueAxis(palette: ChartPalette, formatter?: (value: number) => string) {
  return {
    type: 'value' as const,
    axisLine: { show: false },
    splitLine: { lineStyle: { color: palette.splitLine } },
    axisLabel: { color: palette.muted, ...(formatter ? { formatter } : {}) },
    nameTextStyle: { color: palette.muted },
  };
}

/** A tooltip row: colour mark, label, value in bold. HTML, because ECharts tooltips are HTML. */
export function tooltipRow(color: string, label: string, value: string): string {
  return (
    `<div style="display:flex;gap:16px;justify-content:space-between"><span>` +
    `<span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${color}"></span>` +
    `${escapeHtml(label)}</span><strong>${escapeHtml(value)}</strong></div>`
  );
}

export function tooltipTitle(palette: ChartPalette, title: string): string {
  return `<div style="margin-bottom:4px;color:${palette.muted}">${escapeHtml(title)}</div>`;
}

/** Brand names, terms and segment names come from data: never HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function round(value: number | null | undefined, digits = 1): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
