import { describe, expect, it } from '@jest/globals';
import type { OverviewFigures } from './graphql/overview.query';
import { KPIS, kpiChange, type Kpi } from './kpis';

const figures = (overrides: Partial<OverviewFigures> = {}): OverviewFigures => ({
  inbound: 1200,
  replied: 780,
  responseRate: 0.65,
  pending: 40,
  missed: 380,
  botReplied: 90,
  frtP50Seconds: 2 * 3600 + 14 * 60,
  frtP90Seconds: 26 * 3600,
  netSentiment: -12.5,
  amplifiedNegativeReach: 250_000,
  activeCustomers: 900,
  historicalValue: 84_210,
  ...overrides,
});

function kpi(id: Kpi['id']): Kpi {
  const found = KPIS.find((k) => k.id === id);
  if (!found) throw new Error(`no KPI ${id}`);
  return found;
}

describe('KPIS', () => {
  it('has one tile per Overview figure of issue 2, each with a definition', () => {
    expect(KPIS.map((k) => k.id)).toEqual([
      'inbound',
      'responseRate',
      'missed',
      'frtP50',
      'frtP90',
      'netSentiment',
      'amplifiedNegativeReach',
      'activeCustomers',
      'historicalValue',
    ]);
    for (const k of KPIS) expect(k.metric.definition.length).toBeGreaterThan(20);
  });

  it('formats each figure for people', () => {
    const f = figures();
    const shown = Object.fromEntries(KPIS.map((k) => [k.id, k.format(k.value(f), 'EUR')]));
    expect(shown).toEqual({
      inbound: '1,200',
      responseRate: '65.0%',
      missed: '380',
      frtP50: '2 h 14 min',
      frtP90: '1 d 2 h',
      netSentiment: '\u221212.5',
      amplifiedNegativeReach: '250K',
      activeCustomers: '900',
      historicalValue: '€84,210',
    });
  });
});

describe('kpiChange', () => {
  it('colours a fall in missed messages good and a rise in response time bad', () => {
    expect(kpiChange(kpi('missed'), figures({ missed: 300 }), figures({ missed: 400 }))).toEqual({
      text: '\u221225.0%',
      trend: 'down',
      tone: 'good',
    });
    expect(kpiChange(kpi('frtP50'), figures({ frtP50Seconds: 3600 }), figures({ frtP50Seconds: 3000 }))).toEqual({
      text: '+20.0%',
      trend: 'up',
      tone: 'bad',
    });
  });

  it('changes rates in points, not percent', () => {
    expect(kpiChange(kpi('responseRate'), figures({ responseRate: 0.66 }), figures({ responseRate: 0.6 }))).toEqual({
      text: '+6.0 pts',
      trend: 'up',
      tone: 'good',
    });
    expect(kpiChange(kpi('netSentiment'), figures({ netSentiment: -20 }), figures({ netSentiment: -12.5 }))).toEqual({
      text: '\u22127.5 pts',
      trend: 'down',
      tone: 'bad',
    });
  });

  it('never judges a metric without a good direction', () => {
    expect(kpiChange(kpi('inbound'), figures({ inbound: 1500 }), figures({ inbound: 1200 }))?.tone).toBe('neutral');
  });

  it('calls a change that rounds to zero flat', () => {
    expect(
      kpiChange(kpi('activeCustomers'), figures({ activeCustomers: 100_000 }), figures({ activeCustomers: 99_999 })),
    ).toEqual({
      text: '0.0%',
      trend: 'flat',
      tone: 'neutral',
    });
  });

  it('has nothing to compare when a period has no value or the previous value is zero', () => {
    expect(kpiChange(kpi('responseRate'), figures(), figures({ responseRate: null }))).toBeNull();
    expect(kpiChange(kpi('missed'), figures(), figures({ missed: 0 }))).toBeNull();
  });
});
