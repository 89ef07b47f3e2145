import { CHANNELS } from './model';

/**
 * The typed filter every analytic query takes. The workspace is not part of it: it comes from
 * the caller's key, in the repository layer.
 */
export interface AnalyticsFilter {
  /** Inclusive start of the period (UTC). */
  from: Date;
  /** Exclusive end of the period (UTC). */
  to: Date;
  brands?: readonly string[];
  channels?: readonly string[];
  segments?: readonly string[];
  agents?: readonly string[];
  publicOnly?: boolean;
}

export interface SqlFragment {
  /** SQL that references only query parameters, never values. Starts with AND when non-empty. */
  sql: string;
  params: Record<string, unknown>;
}

export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const KNOWN_KEYS = new Set(['from', 'to', 'brands', 'channels', 'segments', 'agents', 'publicOnly']);
const MAX_LIST = 100;

/**
 * The one where-builder for `interactions` (aliased or not): one case per filter field, each a
 * parameterised condition. It fails closed: an unknown field, an unknown channel or an oversized
 * list is an error, never silently ignored.
 */
export function interactionFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(filter)) {
    if (!KNOWN_KEYS.has(key)) throw new FilterError(`unknown filter field "${key}"`);
  }
  const list = (name: string, values: readonly string[] | undefined, column: string) => {
    if (!values || values.length === 0) return;
    if (values.length > MAX_LIST) throw new FilterError(`${name}: at most ${MAX_LIST} values`);
    parts.push(`${prefix}${column} IN {f_${name}:Array(String)}`);
    params[`f_${name}`] = [...values];
  };
  for (const channel of filter.channels ?? []) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw new FilterError(`unknown channel "${channel}"`);
  }
  list('brands', filter.brands, 'brand');
  list('channels', filter.channels, 'channel');
  if (filter.agents && filter.agents.length > 0) {
    if (filter.agents.length > MAX_LIST) throw new FilterError(`agents: at most ${MAX_LIST} values`);
    // An inbound message is handled by the person who first replied to it (its own agent column is
    // empty: customers write it); an outbound message by the agent who wrote it.
    parts.push(
      `if(${prefix}direction = 'inbound', ${prefix}first_reply_agent, ${prefix}agent) IN {f_agents:Array(String)}`,
    );
    params.f_agents = [...filter.agents];
  }
  if (filter.segments && filter.segments.length > 0) {
    if (filter.segments.length > MAX_LIST) throw new FilterError(`segments: at most ${MAX_LIST} values`);
    // Segment lives on the customer; the set of the workspace's customers in those segments.
    parts.push(
      `${prefix}customer_id IN (SELECT customer_id FROM customers FINAL ` +
        `WHERE workspace_id = {workspace_id:String} AND segment IN {f_segments:Array(String)})`,
    );
    params.f_segments = [...filter.segments];
  }
  if (filter.publicOnly) parts.push(`${prefix}is_public`);
  return { sql: parts.map((p) => `AND ${p}`).join('\n  '), params };
}

/** The same filter applied to a table keyed by customer (transactions, customer_value): only segments apply. */
export function customerFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment {
  if (!filter.segments || filter.segments.length === 0) return { sql: '', params: {} };
  if (filter.segments.length > MAX_LIST) throw new FilterError(`segments: at most ${MAX_LIST} values`);
  return {
    sql:
      `AND ${prefix}customer_id IN (SELECT customer_id FROM customers FINAL ` +
      `WHERE workspace_id = {workspace_id:String} AND segment IN {f_segments:Array(String)})`,
    params: { f_segments: [...filter.segments] },
  };
}

/** Puts a where-builder fragment into a named query at its `/*filter*​/` marker. */
export function withFilter(sql: string, fragment: SqlFragment, marker = '/*filter*/'): string {
  if (!sql.includes(marker)) throw new Error(`query has no ${marker} marker`);
  return sql.split(marker).join(fragment.sql);
}
