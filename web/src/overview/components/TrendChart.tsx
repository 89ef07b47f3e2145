import { useMemo } from 'react';
import { useTheme } from '../../app/hooks/useTheme';
import { EChart } from '../../charts/EChart';
import { PALETTES } from '../../charts/palette';
import type { TrendPoint } from '../graphql/overview.query';
import { bucketUnit, toChartOption } from '../trend-chart-option';

export default function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { theme } = useTheme();
  const option = useMemo(() => toChartOption(points, PALETTES[theme]), [points, theme]);
  return (
    <EChart
      option={option}
      theme={theme}
      height={340}
      label={`Inbound messages per ${bucketUnit(points)} as bars, with response rate and net sentiment as lines`}
    />
  );
}
