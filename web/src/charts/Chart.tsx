import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTheme } from '../app/hooks/useTheme';
import { EChart } from './EChart';
import { isChartClick, type ChartClick } from './options';
import { PALETTES, type ChartPalette } from './palette';

export interface ChartProps {
  /** The chart's option for a palette: a call of a pure toXOption(data, palette). */
  build: (palette: ChartPalette) => EChartsCoreOption;
  /** What `build` reads: the option is rebuilt only when these or the theme change. */
  deps: readonly unknown[];
  label: string;
  height?: number;
  /** A click on a mark: the drill-down. */
  onPick?: (click: ChartClick) => void;
}

/** A themed <EChart> with a click handler; pages use it instead of wiring palettes and events each time. */
export function Chart({ build, deps, label, height, onPick }: ChartProps) {
  const { theme } = useTheme();
  const option = useMemo(() => build(PALETTES[theme]), [theme, ...deps]);
  const events = useMemo(
    () => (onPick ? { click: (params: unknown) => (isChartClick(params) ? onPick(params) : undefined) } : undefined),
    [onPick],
  );
  return (
    <EChart
      option={option}
      theme={theme}
      label={label}
      {...(height ? { height } : {})}
      {...(events ? { events } : {})}
    />
  );
}
