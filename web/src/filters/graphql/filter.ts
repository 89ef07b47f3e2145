/** The schema's `input Filter` (DateTime as ISO-8601 strings; `to` is exclusive). */
export interface Filter {
  from: string;
  to: string;
  brands?: string[];
  channels?: string[];
  segments?: string[];
  agents?: string[];
  publicOnly?: boolean;
  compareFrom?: string;
  /** Drill-down narrowings (api/schema.gql): hours of the week 0…167 in the workspace's zone, words, classes. */
  hoursOfWeek?: number[];
  terms?: string[];
  sentiments?: ('POSITIVE' | 'NEUTRAL' | 'NEGATIVE')[];
  /** Customer-list narrowings (valueCustomers only). */
  experiences?: ('NO_CONTACT' | 'ANSWERED_FAST' | 'ANSWERED_SLOW' | 'MISSED')[];
  cohorts?: string[];
}
