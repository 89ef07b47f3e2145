/**
 * The metric definitions of DESIGN.md ("Metric definitions"), in the words the dashboard shows on
 * hover. One place: a tile, a chart legend and a table header all take their label and definition
 * from here, so the dashboard cannot drift from the contract.
 */

/** Which way is good: it decides the colour of a change, never its arrow. */
export type Direction = 'higher-is-better' | 'lower-is-better' | 'neutral';

export interface MetricDefinition {
  label: string;
  definition: string;
  direction: Direction;
}

export const METRICS = {
  inbound: {
    label: 'Inbound messages',
    definition:
      'Messages, calls and tickets written by a customer to or about a brand (direction = inbound), on every channel.',
    direction: 'neutral',
  },
  responseRate: {
    label: 'Response rate',
    definition:
      'Inbound messages with at least one reply ÷ inbound messages. A reply is an outbound message of the same brand that answers the message, written by a person; replies by bots and automations do not count.',
    direction: 'higher-is-better',
  },
  frtP50: {
    label: 'First response p50',
    definition:
      'Median first response time: earliest reply − message time, in calendar time, over the replied inbound messages. Half of the answered messages were answered faster.',
    direction: 'lower-is-better',
  },
  frtP90: {
    label: 'First response p90',
    definition:
      '90th percentile of first response time (earliest reply − message time, calendar time): 9 in 10 answered messages were answered faster. The slow tail customers remember.',
    direction: 'lower-is-better',
  },
  missed: {
    label: 'Missed messages',
    definition:
      'The response gap: inbound messages without a reply that are older than the workspace’s SLA. Unanswered messages younger than the SLA are pending, not missed.',
    direction: 'lower-is-better',
  },
  netSentiment: {
    label: 'Net sentiment',
    definition:
      '(positive − negative) ÷ (positive + negative) × 100 over inbound messages; positive means sentiment ≥ 0.05, negative ≤ −0.05 (score in [−1, 1]). Ranges from −100 to +100.',
    direction: 'higher-is-better',
  },
  amplifiedNegativeReach: {
    label: 'Amplified negative reach',
    definition:
      'Reach of negative public inbound messages: impressions where the source has them, else the author’s followers where known. How far bad experiences travel in public.',
    direction: 'lower-is-better',
  },
  activeCustomers: {
    label: 'Active customers',
    definition: 'Distinct customers with an inbound message or a transaction in the period.',
    direction: 'higher-is-better',
  },
  historicalValue: {
    label: 'Historical value',
    definition: 'Sum of transaction amounts in the period (refunds subtracted), in the workspace’s currency.',
    direction: 'higher-is-better',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRICS;
