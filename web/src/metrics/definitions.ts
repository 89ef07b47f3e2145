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
  frtP95: {
    label: 'First response p95',
    definition: '95th percentile of first response time (earliest reply − message time, calendar time).',
    direction: 'lower-is-better',
  },
  businessFrtP50: {
    label: 'Business-time FRT p50',
    definition:
      'Median first response time counted in the workspace’s business hours only (default Mon–Fri 09:00–17:00 in its time zone).',
    direction: 'lower-is-better',
  },
  sentimentLift: {
    label: 'Sentiment lift after a reply',
    definition:
      'For a replied inbound message: the customer’s next inbound message in the same thread minus the replied one (scores in [−1, 1]); averaged, with the shares that improved and worsened.',
    direction: 'higher-is-better',
  },
  sentimentShare: {
    label: 'Sentiment mix',
    definition:
      'Inbound messages by sentiment class: positive (score ≥ 0.05), neutral, negative (≤ −0.05). Unscored messages (not English, no text) are left out of the shares.',
    direction: 'neutral',
  },
  shareOfVoice: {
    label: 'Share of voice',
    definition:
      'A brand’s inbound mentions ÷ all tracked brands’ inbound mentions in the workspace, overall and by sentiment class.',
    direction: 'higher-is-better',
  },
  amplification: {
    label: 'Amplification',
    definition:
      'Shares + quotes (retweets, reposts) of a public message, from its latest engagement snapshot. Reach = impressions where the source has them, else the author’s followers where known.',
    direction: 'neutral',
  },
  negativeReachSplit: {
    label: 'Amplified negative reach, answered vs missed',
    definition:
      'Reach of negative public inbound messages, split by what the brand did: answered by a person, still pending within the SLA, or missed (unanswered past the SLA).',
    direction: 'lower-is-better',
  },
  topTerms: {
    label: 'Top terms',
    definition:
      'Words used in most inbound messages (each counted once per message), without stop words, @handles, links and numbers.',
    direction: 'neutral',
  },
  gapQueue: {
    label: 'Gap queue',
    definition:
      'Missed messages (no reply, older than the SLA), worst first: negative sentiment, public, highest reach, highest customer value.',
    direction: 'lower-is-better',
  },
  predictedClv: {
    label: 'Predicted CLV',
    definition:
      'Customer lifetime value over the horizon (default 12 months, 1% monthly discount): BG/NBD expected purchases × Gamma-Gamma expected value, fitted per workspace × segment.',
    direction: 'higher-is-better',
  },
  pAlive: {
    label: 'P(alive)',
    definition: 'Probability that the customer is still active (BG/NBD), from the same CLV model.',
    direction: 'higher-is-better',
  },
  valueAtRisk: {
    label: 'Value at risk',
    definition: 'Predicted CLV of customers with a missed negative message in the period.',
    direction: 'lower-is-better',
  },
  serviceUplift: {
    label: 'Service → value uplift',
    definition:
      'Mean predicted CLV of answered customers (fast or slow) minus that of missed customers, with a bootstrap 95% interval. Service experience: the outcome of the customer’s latest decided inbound message in the period.',
    direction: 'higher-is-better',
  },
  retention: {
    label: 'Retention',
    definition:
      'Mean P(alive) at the calibration end (BG/NBD), per service experience: no contact, answered fast (FRT ≤ SLA/4), answered slow, missed; with bootstrap 95% intervals.',
    direction: 'higher-is-better',
  },
  repeatPurchaseRate: {
    label: 'Repeat-purchase rate',
    definition: 'Share of customers with a repeat purchase in the calibration period, per service experience.',
    direction: 'higher-is-better',
  },
  serviceEffects: {
    label: 'Service effect on order value',
    definition:
      'Order value of purchases made under a service experience ÷ the same customers’ order value with no contact before (customer fixed effects, so spending level and segment cancel out), with bootstrap 95% intervals over customers.',
    direction: 'higher-is-better',
  },
  cohortRetention: {
    label: 'Cohort retention',
    definition: 'Share of a first-purchase-month cohort still purchasing k months later, split by service experience.',
    direction: 'higher-is-better',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRICS;
