import type { InboundKey } from '../common/inbound-rows.sql';
import { WORKSPACE_KEY } from '../common/inbound-rows.sql';
import { GroupBy } from './dto/group-by.enum';

/**
 * The allow-list of grouping expressions: over `interactions AS i` (and `c`, the message's
 * customer, for segment and lifecycle stage: only those two join the customers, so other
 * groupings read one table), and the same key over the `inbound_daily AS r` rollup.
 * HOUR_OF_WEEK needs a `tz` alias in the query (the workspace's time zone) and has no key over
 * inbound_daily (it keeps days, not hours): only over inbound_hourly (`hourly`), which
 * response/response_by_hour_of_week.sql reads; other queries read the rows for it.
 */
const GROUP_KEYS: Record<GroupBy, InboundKey> = {
  [GroupBy.BRAND]: { rows: 'toString(i.brand)', rollup: 'toString(r.brand)', customers: false, rollupServes: true },
  [GroupBy.CHANNEL]: { rows: 'toString(i.channel)', rollup: 'toString(r.channel)', customers: false, rollupServes: true },
  [GroupBy.SEGMENT]: { rows: 'toString(c.segment)', rollup: 'toString(r.segment)', customers: true, rollupServes: true },
  [GroupBy.AGENT]: { rows: 'toString(i.first_reply_agent)', rollup: 'toString(r.agent)', customers: false, rollupServes: true },
  [GroupBy.LIFECYCLE_STAGE]: {
    rows: 'toString(c.lifecycle_stage)',
    rollup: 'toString(r.lifecycle_stage)',
    customers: true,
    rollupServes: true,
  },
  [GroupBy.DAY]: { rows: 'toString(toDate(i.created_at))', rollup: 'toString(r.day)', customers: false, rollupServes: true },
  [GroupBy.WEEK]: {
    rows: 'toString(toMonday(i.created_at))',
    rollup: 'toString(toMonday(r.day))',
    customers: false,
    rollupServes: true,
  },
  [GroupBy.MONTH]: {
    rows: "formatDateTime(i.created_at, '%Y-%m')",
    rollup: "formatDateTime(r.day, '%Y-%m')",
    customers: false,
    rollupServes: true,
  },
  [GroupBy.HOUR_OF_WEEK]: {
    rows: "concat(toString(toDayOfWeek(i.created_at, 0, tz)), '-', leftPad(toString(toHour(toTimeZone(i.created_at, tz))), 2, '0'))",
    rollup: "''",
    customers: false,
    rollupServes: false,
    // The same bucketing of the rollup's UTC hour: exact where the zone's offset is whole hours
    // (hours_exact in response/response_by_hour_of_week.sql).
    hourly: "concat(toString(toDayOfWeek(r.hour, 0, tz)), '-', leftPad(toString(toHour(toTimeZone(r.hour, tz))), 2, '0'))",
  },
};

/** The key of a grouping; without one every message is in one group (the workspace). */
export function groupKey(groupBy: GroupBy | null | undefined): InboundKey {
  if (!groupBy) return WORKSPACE_KEY;
  const choice = GROUP_KEYS[groupBy];
  if (!choice) throw new Error(`unknown groupBy ${String(groupBy)}`);
  return choice;
}
