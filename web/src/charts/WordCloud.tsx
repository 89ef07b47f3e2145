import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTheme } from '../app/hooks/useTheme';
import { EChart } from './EChart';
import { isChartClick, type ChartClick } from './options';
import { PALETTES, type ChartPalette } from './palette';
// The word cloud series registers itself on ECharts' core when imported; only this chunk pays for it.
import './echarts';
import 'echarts-wordcloud';

export default function WordCloud({
  build,
  deps,
  label,
  height = 300,
  onPick,
}: {
  build: (palette: ChartPalette) => object;
  deps: readonly unknown[];
  label: string;
  height?: number;
  /** A click on a word (its dataIndex in the series): the drill-down. */
  onPick?: (click: ChartClick) => void;
}) {
  const { theme } = useTheme();
  const option = useMemo(() => build(PALETTES[theme]) as EChartsCoreOption, [theme, ...deps]);
  const events = useMemo(
    () => (onPick ? { click: (params: unknown) => (isChartClick(params) ? onPick(params) : undefined) } : undefined),
    [onPick],
  );
  return <EChart option={option} theme={theme} label={label} height={height} {...(events ? { events } : {})} />;
}
