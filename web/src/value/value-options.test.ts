import { describe, expect, it } from '@jest/globals';
import { PALETTES } from '../charts/palette';
import { retentionCurves, toClvDistributionOption, toIntervalOption, toRetentionCurvesOption } from './value-options';

type AnySeries = { type: string; name: string; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as AnySeries[];
const money = (v: number) => `$${v}`;

describe('toClvDistributionOption', () => {
  it('draws the five quantiles of each segment as a box', () => {
    const option = toClvDistributionOption(
      [{ segment: 'vip', customers: 10, quantiles: [10, 20, 30, 40, 50] }],
      (s) => s.toUpperCase(),
      money,
      PALETTES.light,
    );
    expect(option.xAxis).toMatchObject({ data: ['VIP'] });
    expect(seriesOf(option)[0]?.data).toEqual([[10, 20, 30, 40, 50]]);
  });
});

describe('toIntervalOption', () => {
  it('draws an interval box low..high around the estimate, and nothing without an estimate', () => {
    const option = toIntervalOption(
      [
        { key: 'a', label: 'All', estimate: { estimate: 12, low: 4, high: 20 } },
        { key: 'b', label: 'SMB', estimate: { estimate: null, low: null, high: null } },
      ],
      money,
      PALETTES.light,
      'CLV uplift',
    );
    const data = seriesOf(option)[0]?.data as { value: number[] }[];
    expect(data.map((d) => d.value)).toEqual([[4, 4, 12, 20, 20], []]);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ dataIndex: 0 })).toContain('95% interval $4 to $20');
  });
});

describe('retentionCurves', () => {
  it('weights cohorts by customers and leaves months a cohort has not reached out of the average', () => {
    const curves = retentionCurves([
      { cohort: '2026-01', experience: 'MISSED', customers: 30, retention: [1, 0.5, 0.2] },
      { cohort: '2026-02', experience: 'MISSED', customers: 10, retention: [1, 0.1] },
      { cohort: '2026-01', experience: 'ANSWERED_FAST', customers: 20, retention: [1, 0.8] },
    ]);
    expect(curves.map((c) => c.experience)).toEqual(['ANSWERED_FAST', 'MISSED']);
    const missed = curves.find((c) => c.experience === 'MISSED');
    expect(missed?.customers).toBe(40);
    expect(missed?.points[0]).toBeCloseTo(1);
    expect(missed?.points[1]).toBeCloseTo((30 * 0.5 + 10 * 0.1) / 40);
    expect(missed?.points[2]).toBeCloseTo(0.2);
    const option = toRetentionCurvesOption(curves, PALETTES.dark);
    expect(seriesOf(option).map((s) => s.name)).toEqual(['Answered fast (20)', 'Missed (40)']);
    expect(seriesOf(option)[1]?.data).toEqual([100, 40, 20]);
  });
});

describe('formatRatio', () => {
  it('shows order-value ratios as multipliers', async () => {
    const { formatRatio } = await import('./value-labels');
    expect(formatRatio(1.1249)).toBe('×1.12');
    expect(formatRatio(0.8)).toBe('×0.80');
    expect(formatRatio(Number.NaN)).toBe('—');
  });
});
