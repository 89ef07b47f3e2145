import { formatCurrency, formatPercent, NO_VALUE } from '../format/format';
import { segmentLabel } from '../filters/labels';
import type { Estimate, ServiceExperience } from './graphql/service-value.query';

export const EXPERIENCE_LABELS: Record<ServiceExperience, string> = {
  ANSWERED_FAST: 'Answered fast',
  ANSWERED_SLOW: 'Answered slow',
  MISSED: 'Missed',
  NO_CONTACT: 'No contact',
};

/** "" is the api's "all segments together". */
export function valueSegmentLabel(segment: string): string {
  return segment === '' ? 'All segments' : segmentLabel(segment);
}

/** "$1,204 (95% $980 to $1,430)". */
export function formatEstimate(estimate: Estimate, format: (value: number) => string): string {
  if (estimate.estimate === null) return NO_VALUE;
  const interval =
    estimate.low !== null && estimate.high !== null ? ` (${format(estimate.low)} to ${format(estimate.high)})` : '';
  return `${format(estimate.estimate)}${interval}`;
}

export const money = (currency: string) => (value: number) => formatCurrency(value, currency);
export const percent = (value: number) => formatPercent(value);

/** A ratio of order values: 1.124 -> "×1.12". */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `×${value.toFixed(2)}` : '—';
}

export const PURCHASE_EXPERIENCE_LABELS: Record<string, string> = {
  NO_CONTACT: 'No contact (reference)',
  ANSWERED_FAST: 'Answered fast',
  ANSWERED_SLOW: 'Answered slow',
  MISSED: 'Missed',
  MISSED_NEGATIVE: 'Missed negative',
};
