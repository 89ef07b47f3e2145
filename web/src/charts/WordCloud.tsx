import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTheme } from '../app/hooks/useTheme';
import { EChart } from './EChart';
import { PALETTES, type ChartPalette } from './palette';
// The word cloud series registers itself on ECharts' core when imported; only this chunk pays for it.
import './echarts';
import 'echarts-wordcloud';

export default function WordCloud({
  build,
  deps,
  label,
  height = 300,
}: {
  build: (palette: ChartPalette) => object;
  deps: readonly unknown[];
  label: string;
  height?: number;
}) {
  const { theme } = useTheme();
  const option = useMemo(() => build(PALETTES[theme]) as EChartsCoreOption, [theme, ...deps]);
  return <EChart option={option} theme={theme} label={label} height={height} />;
}
