import { registerEnumType } from '@nestjs/graphql';

/** How an analytic query splits its figures; each value maps to one allow-listed SQL expression (group-by.sql.ts). */
export enum GroupBy {
  BRAND = 'BRAND',
  CHANNEL = 'CHANNEL',
  SEGMENT = 'SEGMENT',
  AGENT = 'AGENT',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  HOUR_OF_WEEK = 'HOUR_OF_WEEK',
}

registerEnumType(GroupBy, {
  name: 'GroupBy',
  description: 'How to split figures into rows. Keys are strings; an empty key means unknown (no customer, no agent).',
  valuesMap: {
    AGENT: { description: 'The agent who gave the first reply ("" for unanswered messages).' },
    SEGMENT: { description: "The customer's segment." },
    LIFECYCLE_STAGE: { description: "The customer's lifecycle stage." },
    DAY: { description: 'UTC day of the message, YYYY-MM-DD.' },
    WEEK: { description: 'UTC week of the message, by its Monday, YYYY-MM-DD.' },
    MONTH: { description: 'UTC month of the message, YYYY-MM.' },
    HOUR_OF_WEEK: {
      description: "ISO weekday and hour in the workspace's time zone, D-HH (1-09 = Monday 09:00–10:00).",
    },
  },
});
