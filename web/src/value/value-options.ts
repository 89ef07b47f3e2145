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
import { formatExactCount } from '../format/format';
import type { ClvDistribution, Estimate, ServiceExperience } from './graphql/service-value.query';
import { EXPERIENCES, retentionCurves, type RetentionCurve } from './retention-curves';
import { EXPERIENCE_LABELS } from './value-labels';

// Kept with the labels (no chart code), so the drill-down dialog in every page's shell can use them.
export { EXPERIENCE_LABELS };
// Pure and chart-free, in their own module (the browser tests compute the curves too).
export { EXPERIENCES, retentionCurves, type RetentionCurve };

export function experienceColour(experience: ServiceExperience, palette: ChartPalette): string {
  switch (experience) {
    case 'ANSWERED_FAST':
      return palette.positive;
    case 'ANSWERED_SLOW':
      return palette.rate;
    case 'MISSED':
      return palette.negative;
    case 'NO_CONTACT':
      return palette.neutral;
  }
}

/**
 * Predicted CLV per segment as boxes: p25–p75 box, p50 line, whiskers at p10 and p90 (the api's
 * five quantiles, in that order).
 */
export function toClvDistributionOption(
  distribution: readonly ClvDistribution[],
  label: (segment: string) => string,
  money: (value: number) => string,
  palette: ChartPalette,
): ChartOption {
  const base = baseOption(palette);
  const names = ['p10', 'p25', 'median', 'p75', 'p90'];
  return {
    ...base,
    legend: { show: false },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const row = distribution[(params as { dataIndex: number }).dataIndex];
        if (!row) return '';
        return (
          tooltipTitle(palette, `${label(row.segment)} · ${formatExactCount(row.customers)} customers`) +
          row.quantiles.map((q, i) => tooltipRow(palette.volume, names[i] ?? '', money(q))).join('')
        );
      },
    },
    xAxis: categoryAxis(
      palette,
      distribution.map((d) => label(d.segment)),
    ),
    yAxis: valueAxis(palette, money),
    series: [
      {
        type: 'boxplot',
        name: 'Predicted CLV',
        cursor: 'pointer',
        itemStyle: { color: palette.volume, borderColor: palette.series[0] },
        boxWidth: [12, 48],
        data: distribution.map((d) => d.quantiles.slice(0, 5)),
      },
    ],
  };
}

export interface IntervalGroup {
  key: string;
  label: string;
  estimate: Estimate;
  color?: string;
}

/**
 * Estimates with their 95% intervals as thin boxes from low to high, the estimate as the line in
 * the box: the honest picture of a bootstrap result. A group without an estimate is left empty.
 */
export function toIntervalOption(
  groups: readonly IntervalGroup[],
  format: (value: number) => string,
  palette: ChartPalette,
  seriesName: string,
): ChartOption {
  const base = baseOption(palette);
  return {
    ...base,
    legend: { show: false },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const group = groups[(params as { dataIndex: number }).dataIndex];
        if (!group) return '';
        const { estimate, low, high } = group.estimate;
        return (
          tooltipTitle(palette, group.label) +
          tooltipRow(group.color ?? palette.volume, seriesName, estimate === null ? '—' : format(estimate)) +
          (low !== null && high !== null
            ? `<div style="color:${palette.muted}">95% interval ${format(low)} to ${format(high)}</div>`
            : '')
        );
      },
    },
    xAxis: categoryAxis(
      palette,
      groups.map((g) => g.label),
    ),
    yAxis: valueAxis(palette, format),
    series: [
      {
        type: 'boxplot',
        name: seriesName,
        cursor: 'pointer',
        boxWidth: [10, 40],
        data: groups.map((g) => {
          const { estimate, low, high } = g.estimate;
          const style = { color: g.color ?? palette.volume, borderColor: palette.text, borderWidth: 1.5 };
          if (estimate === null) return { value: [], itemStyle: style };
          const lo = low ?? estimate;
          const hi = high ?? estimate;
          return { value: [lo, lo, estimate, hi, hi], itemStyle: style };
        }),
      },
    ],
  };
}

export function toRetentionCurvesOption(curves: readonly RetentionCurve[], palette: ChartPalette): ChartOption {
  const months = Math.max(0, ...curves.map((c) => c.points.length));
  const base = baseOption(palette);
  return {
    ...base,
    grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
    },
    xAxis: {
      ...categoryAxis(
        palette,
        Array.from({ length: months }, (_, k) => `M${k}`),
      ),
      name: 'Months since first purchase',
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { ...valueAxis(palette, (v: number) => `${v}%`), min: 0, max: 100 },
    series: curves.map((curve) => ({
      type: 'line' as const,
      name: `${EXPERIENCE_LABELS[curve.experience]} (${formatExactCount(curve.customers)})`,
      // A click on a point drills into the curve's customers.
      cursor: 'pointer',
      itemStyle: { color: experienceColour(curve.experience, palette) },
      lineStyle: { width: 2.5 },
      symbolSize: 7,
      connectNulls: false,
      data: curve.points.map((p) => (p === null ? null : round(p * 100))),
    })),
  };
}
