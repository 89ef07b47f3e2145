import {
  baseOption,
  categoryAxis,
  round,
  tooltipRow,
  tooltipTitle,
  valueAxis,
  type ChartOption,
} from '../charts/options';
import type { ChartPalette } from '../charts/palette';
import { formatDuration, formatExactCount, formatPercent } from '../format/format';
import type { HourOfWeekFigures, ResponseFigures } from './graphql/response.query';

const HOUR = 3600;

function hours(seconds: number | null): number | null {
  return seconds === null ? null : round(seconds / HOUR, 2);
}

/**
 * Response rate per group as bars (left axis, percent) and FRT p50 / p90 as markers on a right axis
 * in hours: how often and how fast, side by side, for channels, segments, brands or agents.
 */
export function toResponseByGroupOption(
  rows: readonly ResponseFigures[],
  label: (key: string) => string,
  palette: ChartPalette,
): ChartOption {
  const base = baseOption(palette);
  return {
    ...base,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
        const row = first ? rows[first.dataIndex] : undefined;
        if (!row) return '';
        return [
          tooltipTitle(palette, label(row.key)),
          tooltipRow(palette.volume, 'Response rate', formatPercent(row.responseRate)),
          tooltipRow(palette.rate, 'FRT p50', formatDuration(row.frtP50Seconds)),
          tooltipRow(palette.sentiment, 'FRT p90', formatDuration(row.frtP90Seconds)),
          tooltipRow(palette.neutral, 'Inbound', formatExactCount(row.inbound)),
        ].join('');
      },
    },
    xAxis: categoryAxis(
      palette,
      rows.map((r) => label(r.key)),
    ),
    yAxis: [
      { ...valueAxis(palette, (v: number) => `${v}%`), name: 'Response', min: 0, max: 100 },
      {
        ...valueAxis(palette, (v: number) => `${v} h`),
        name: 'FRT',
        min: 0,
        splitLine: { show: false },
        position: 'right',
      },
    ],
    series: [
      {
        type: 'bar',
        name: 'Response rate',
        cursor: 'pointer',
        barMaxWidth: 32,
        itemStyle: { color: palette.volume, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => (r.responseRate === null ? null : round(r.responseRate * 100))),
      },
      {
        type: 'scatter',
        name: 'FRT p50',
        yAxisIndex: 1,
        symbolSize: 10,
        itemStyle: { color: palette.rate },
        data: rows.map((r) => hours(r.frtP50Seconds)),
      },
      {
        type: 'scatter',
        name: 'FRT p90',
        yAxisIndex: 1,
        symbol: 'diamond',
        symbolSize: 11,
        itemStyle: { color: palette.sentiment },
        data: rows.map((r) => hours(r.frtP90Seconds)),
      },
    ],
  };
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The key "D-HH" of HOUR_OF_WEEK (ISO weekday 1 = Monday) as [hour, weekday index]; null if malformed. */
export function parseHourOfWeek(key: string): [number, number] | null {
  const match = /^([1-7])-(\d{2})$/.exec(key);
  if (!match) return null;
  const hour = Number(match[2]);
  return hour < 24 ? [hour, Number(match[1]) - 1] : null;
}

/** A drawn cell of the hour-of-week heatmap: its hour of the day, weekday index (0 = Monday) and figures. */
export interface HourOfWeekCell {
  hour: number;
  weekday: number;
  row: HourOfWeekFigures;
}

/**
 * The cells the heatmap draws, in its series' order (a click's dataIndex is an index here): the
 * hours with a median FRT. An hour without replied messages stays blank.
 */
export function hourOfWeekCells(rows: readonly HourOfWeekFigures[]): HourOfWeekCell[] {
  const cells: HourOfWeekCell[] = [];
  for (const row of rows) {
    const at = parseHourOfWeek(row.key);
    if (at && hours(row.frtP50Seconds) !== null) cells.push({ hour: at[0], weekday: at[1], row });
  }
  return cells;
}

/** "Tue 09:00", a cell's title. */
export function hourOfWeekLabel(cell: Pick<HourOfWeekCell, 'hour' | 'weekday'>): string {
  return `${WEEKDAYS[cell.weekday] ?? ''} ${String(cell.hour).padStart(2, '0')}:00`;
}

/**
 * Median FRT per weekday × hour of day (workspace time zone), in hours: where the slow hours are.
 * An hour without replied messages stays blank. A click on a cell drills into its messages.
 */
export function toHourOfWeekOption(rows: readonly HourOfWeekFigures[], palette: ChartPalette): ChartOption {
  const drawn = hourOfWeekCells(rows);
  const cells: [number, number, number][] = drawn.map((c) => [c.hour, c.weekday, hours(c.row.frtP50Seconds) ?? 0]);
  const byCell = new Map(drawn.map((c) => [`${c.hour}:${c.weekday}`, c.row]));
  // The colour scale ends at the 90th percentile of the hours: one night-time outlier of days
  // would otherwise wash every other hour out to the same pale colour.
  const sorted = cells.map((c) => c[2]).sort((a, b) => a - b);
  const max = Math.max(1, sorted[Math.max(0, Math.ceil(sorted.length * 0.9) - 1)] ?? 1);
  const base = baseOption(palette);
  return {
    ...base,
    legend: { show: false },
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number, number] }).value;
        const row = value ? byCell.get(`${value[0]}:${value[1]}`) : undefined;
        if (!value || !row) return '';
        const title = hourOfWeekLabel({ hour: value[0], weekday: value[1] });
        return (
          tooltipTitle(palette, title) +
          tooltipRow(palette.rate, 'FRT p50', formatDuration(row.frtP50Seconds)) +
          tooltipRow(palette.volume, 'Response rate', formatPercent(row.responseRate)) +
          tooltipRow(palette.neutral, 'Inbound', formatExactCount(row.inbound))
        );
      },
    },
    xAxis: {
      ...categoryAxis(
        palette,
        Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
      ),
      splitArea: { show: false },
    },
    yAxis: { ...categoryAxis(palette, [...WEEKDAYS]), inverse: true },
    visualMap: {
      min: 0,
      max: round(max, 1) ?? 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: ['slow', 'fast'],
      itemWidth: 12,
      textStyle: { color: palette.muted },
      inRange: { color: [...palette.ramp] },
      formatter: (v: unknown) => `${round(Number(v), 1)} h`,
    },
    series: [
      {
        type: 'heatmap',
        name: 'FRT p50 (hours)',
        cursor: 'pointer',
        data: cells,
        itemStyle: { borderColor: palette.tooltipBackground, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: palette.text } },
      },
    ],
  };
}
