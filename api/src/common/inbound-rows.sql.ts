import {
  calendarParams,
  hourlyRollupFilter,
  hourlyWindow,
  inboundRollupFilter,
  interactionFilter,
  namedQuery,
  rollupWindow,
  toClickHouseTime,
  withFilter,
  type AnalyticsFilter,
  type InboundCoverage,
} from '@resonance/sql';

/**
 * How a query over rollup/inbound_rows_fragment.sql groups inbound messages: the key over the rows
 * (`i`, interactions; `c`, their customers, when `customers`) and the same key over the rollup
 * (`r`, inbound_daily). `rollupServes` false: the rollup cannot give this key (it has no hour), so
 * `rollup` is only a placeholder of the key's type and the whole period is read from the rows.
 */
export interface InboundKey {
  rows: string;
  rollup: string;
  customers: boolean;
  rollupServes: boolean;
  /**
   * The key over the inbound_hourly rollup (`r`), for a query over
   * rollup/inbound_hourly_rows_fragment.sql (a key that needs the hour); absent, such a query
   * reads the period from the rows.
   */
  hourly?: string;
}

/** Everything in one group: a constant would not be a GROUP BY key to grouping() on. */
export const WORKSPACE_KEY: InboundKey = {
  rows: 'toString(i.workspace_id)',
  rollup: 'toString(r.workspace_id)',
  customers: false,
  rollupServes: true,
};

export interface InboundQuery {
  query: string;
  params: Record<string, unknown>;
}

function fill(sql: string, marker: string, text: string): string {
  if (!sql.includes(marker)) throw new Error(`query has no ${marker} marker`);
  return sql.split(marker).join(text);
}

/**
 * A `now` for figures that do not split pending from missed (sentiment, share of voice): every
 * whole day of the period may come from the rollup. Their pending and missed measures are then
 * not to be read.
 */
export const NO_SLA = new Date('2999-12-31T00:00:00Z');

/**
 * Which rollup a query over the inbound rows reads its whole days from: inbound_daily
 * (rollup/inbound_rows_fragment.sql) or inbound_hourly (rollup/inbound_hourly_rows_fragment.sql,
 * for a key that needs the hour). The caller knows: it chose the query.
 */
export type InboundRollup = 'daily' | 'hourly';

/**
 * A named query over rollup/inbound_rows_fragment.sql (or rollup/inbound_hourly_rows_fragment.sql,
 * `rollup` 'hourly') with its markers filled: the filter on both sides (interactionFilter on the
 * rows, inboundRollupFilter or hourlyRollupFilter on the rollup), the key, and the parameters, with
 * the workspace's settings and the days the rollup serves from its coverage
 * (rollup/inbound_coverage.sql). The rollup is used when the key, the filter and the coverage allow
 * it (rollupWindow, hourlyWindow); otherwise the period is read from the rows, with the same figures.
 */
export function inboundQuery(
  sql: string,
  workspaceId: string,
  filter: AnalyticsFilter,
  key: InboundKey,
  now: Date,
  coverage: InboundCoverage,
  rollup: InboundRollup = 'daily',
): InboundQuery {
  const hourly = rollup === 'hourly';
  const rows = interactionFilter(filter, 'i.');
  const rollupKey = hourly ? key.hourly : key.rollupServes ? key.rollup : undefined;
  const rollupFilter = rollupKey === undefined ? null : (hourly ? hourlyRollupFilter : inboundRollupFilter)(filter, 'r.');
  let query = withFilter(sql, rows);
  query = withFilter(query, rollupFilter ?? { sql: '', params: {} }, '/*rollup_filter*/');
  // Without a rollup key the rollup side reads nothing ({use_rollup} false): the rollup key is
  // then only a placeholder of the key's type.
  query = fill(query, '/*rollup_group_key*/', rollupKey ?? key.rollup);
  query = fill(query, '/*group_key*/', key.rows);
  query = fill(query, '/*group_join*/', key.customers ? namedQuery('rollup/rows_customers_join_fragment') : '');
  return {
    query,
    params: {
      workspace_id: workspaceId,
      from: toClickHouseTime(filter.from),
      to: toClickHouseTime(filter.to),
      ...calendarParams(coverage, now),
      ...(hourly ? hourlyWindow : rollupWindow)(coverage, filter.from, filter.to, now, rollupFilter !== null),
      ...rows.params,
    },
  };
}
