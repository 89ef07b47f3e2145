import { useMemo } from 'react';
import { isChartClick } from '../../charts/options';
import { useTheme } from '../../app/hooks/useTheme';
import { EChart } from '../../charts/EChart';
import { PALETTES } from '../../charts/palette';
import type { TrendPoint } from '../graphql/overview.query';
import { bucketUnit, toChartOption } from '../trend-chart-option';

export default function TrendChart({
  points,
  onPick,
}: {
  points: readonly TrendPoint[];
  /** A click on a bucket: its index. */
  onPick?: (index: number) => void;
}) {
  const { theme } = useTheme();
  const option = useMemo(() => toChartOption(points, PALETTES[theme]), [points, theme]);
  const events = useMemo(
    () =>
      onPick
        ? { click: (params: unknown) => (isChartClick(params) ? onPick(params.dataIndex) : undefined) }
        : undefined,
    [onPick],
  );
  return (
    <EChart
      option={option}
      theme={theme}
      height={340}
      {...(events ? { events } : {})}
      label={`Inbound messages per ${bucketUnit(points)} as bars, with response rate and net sentiment as lines`}
    />
  );
}
