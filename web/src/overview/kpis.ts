import { METRICS, type MetricDefinition, type MetricId } from '../metrics/definitions';
import {
  formatCount,
  formatCurrency,
  formatDuration,
  formatExactCount,
  formatNetSentiment,
  formatPercent,
  formatPointChange,
  formatRelativeChange,
} from '../format/format';
import type { OverviewFigures } from './graphql/overview.query';

/**
 * The Overview's KPI tiles: what each shows, how it is formatted and how its change against the
 * compare period is expressed. Pure, so the browser test formats the api's figures with exactly
 * what the page uses.
 */

/**
 * Rates and scores change in points (a response rate from 60% to 66% is "+6 pts", not "+10%");
 * volumes, durations and money change relatively.
 */
type ChangeKind = { kind: 'relative' } | { kind: 'points'; scale: number };

export type KpiGroup = 'service' | 'voice-and-value';

export interface Kpi {
  id: MetricId;
  group: KpiGroup;
  metric: MetricDefinition;
  value: (figures: OverviewFigures) => number | null;
  format: (value: number | null, currency: string) => string;
  change: ChangeKind;
  /** A line of context under the figure, from the same period's figures. */
  caption?: (figures: OverviewFigures) => string;
}

function kpi(id: MetricId, rest: Omit<Kpi, 'id' | 'metric'>): Kpi {
  return { id, metric: METRICS[id], ...rest };
}

export const KPIS: readonly Kpi[] = [
  kpi('inbound', {
    group: 'service',
    value: (f) => f.inbound,
    format: (v) => formatCount(v),
    change: { kind: 'relative' },
    caption: (f) => `${formatExactCount(f.botReplied)} with a bot reply`,
  }),
  kpi('responseRate', {
    group: 'service',
    value: (f) => f.responseRate,
    format: (v) => formatPercent(v),
    change: { kind: 'points', scale: 100 },
    caption: (f) => `${formatExactCount(f.replied)} of ${formatExactCount(f.inbound)} answered`,
  }),
  kpi('missed', {
    group: 'service',
    value: (f) => f.missed,
    format: (v) => formatCount(v),
    change: { kind: 'relative' },
    caption: (f) => `${formatExactCount(f.pending)} pending within SLA`,
  }),
  kpi('frtP50', {
    group: 'service',
    value: (f) => f.frtP50Seconds,
    format: (v) => formatDuration(v),
    change: { kind: 'relative' },
    caption: (f) => `over ${formatExactCount(f.replied)} answered messages`,
  }),
  kpi('frtP90', {
    group: 'service',
    value: (f) => f.frtP90Seconds,
    format: (v) => formatDuration(v),
    change: { kind: 'relative' },
  }),
  kpi('netSentiment', {
    group: 'voice-and-value',
    value: (f) => f.netSentiment,
    format: (v) => formatNetSentiment(v),
    change: { kind: 'points', scale: 1 },
  }),
  kpi('amplifiedNegativeReach', {
    group: 'voice-and-value',
    value: (f) => f.amplifiedNegativeReach,
    format: (v) => formatCount(v),
    change: { kind: 'relative' },
  }),
  kpi('activeCustomers', {
    group: 'voice-and-value',
    value: (f) => f.activeCustomers,
    format: (v) => formatCount(v),
    change: { kind: 'relative' },
  }),
  kpi('historicalValue', {
    group: 'voice-and-value',
    value: (f) => f.historicalValue,
    format: (v, currency) => formatCurrency(v, currency),
    change: { kind: 'relative' },
  }),
];

export type Trend = 'up' | 'down' | 'flat';
export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiChange {
  /** "+12.4%", "−3.1 pts", "0.0%". */
  text: string;
  trend: Trend;
  tone: Tone;
}

/**
 * The change of a KPI against the compare period, or null when there is nothing to compare with
 * (no value in either period, or a relative change from zero).
 */
export function kpiChange(kpi: Kpi, current: OverviewFigures, previous: OverviewFigures): KpiChange | null {
  const now = kpi.value(current);
  const before = kpi.value(previous);
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;

  let text: string;
  let delta: number;
  if (kpi.change.kind === 'points') {
    delta = (now - before) * kpi.change.scale;
    text = formatPointChange(delta);
  } else {
    if (before === 0) return null;
    delta = (now - before) / Math.abs(before);
    text = formatRelativeChange(delta);
  }

  // What is shown decides "flat": a change that rounds to 0.0 is no change to the reader.
  const trend: Trend = /^[0.,]+/.test(text) ? 'flat' : delta > 0 ? 'up' : 'down';
  return { text, trend, tone: toneOf(kpi.metric.direction, trend) };
}

function toneOf(direction: MetricDefinition['direction'], trend: Trend): Tone {
  if (trend === 'flat' || direction === 'neutral') return 'neutral';
  const better = direction === 'higher-is-better' ? trend === 'up' : trend === 'down';
  return better ? 'good' : 'bad';
}
