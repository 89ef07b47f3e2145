import { GroupBy } from './dto/group-by.enum';

/**
 * The allow-list of grouping expressions over `interactions AS i`. Segment and lifecycle stage live
 * on the customer: those two join the workspace's customers (only then, so other groupings scan
 * one table). HOUR_OF_WEEK needs a `tz` alias in the query (the workspace's time zone).
 */
const GROUP_KEYS: Record<GroupBy, { key: string; customers: boolean }> = {
  [GroupBy.BRAND]: { key: 'toString(i.brand)', customers: false },
  [GroupBy.CHANNEL]: { key: 'toString(i.channel)', customers: false },
  [GroupBy.SEGMENT]: { key: 'toString(c.segment)', customers: true },
  [GroupBy.AGENT]: { key: 'toString(i.first_reply_agent)', customers: false },
  [GroupBy.LIFECYCLE_STAGE]: { key: 'toString(c.lifecycle_stage)', customers: true },
  [GroupBy.DAY]: { key: 'toString(toDate(i.created_at))', customers: false },
  [GroupBy.WEEK]: { key: 'toString(toMonday(i.created_at))', customers: false },
  [GroupBy.MONTH]: { key: "formatDateTime(i.created_at, '%Y-%m')", customers: false },
  [GroupBy.HOUR_OF_WEEK]: {
    key: "concat(toString(toDayOfWeek(i.created_at, 0, tz)), '-', leftPad(toString(toHour(toTimeZone(i.created_at, tz))), 2, '0'))",
    customers: false,
  },
};

const CUSTOMERS_JOIN = `LEFT JOIN
(
    SELECT customer_id, segment, lifecycle_stage
    FROM customers FINAL
    WHERE workspace_id = {workspace_id:String}
) AS c ON c.customer_id = i.customer_id`;

/**
 * Fills a query's group_key and group_join markers. Without a grouping every row is in
 * one group (the workspace): a constant key would not be a GROUP BY key to grouping() on.
 */
export function withGroupBy(sql: string, groupBy: GroupBy | null | undefined): string {
  const choice = groupBy ? GROUP_KEYS[groupBy] : undefined;
  if (groupBy && !choice) throw new Error(`unknown groupBy ${String(groupBy)}`);
  if (!sql.includes('/*group_key*/') || !sql.includes('/*group_join*/')) throw new Error('query has no group markers');
  return sql
    .split('/*group_key*/')
    .join(choice ? choice.key : 'toString(i.workspace_id)')
    .split('/*group_join*/')
    .join(choice?.customers ? CUSTOMERS_JOIN : '');
}
