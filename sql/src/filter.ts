import { CHANNELS } from './model';
import { namedQuery } from './queries';

/** Sentiment classes (DESIGN.md "Sentiment"): positive ≥ 0.05, negative ≤ −0.05, neutral between. */
export const SENTIMENT_CLASSES = ['positive', 'neutral', 'negative'] as const;
export type SentimentClassName = (typeof SENTIMENT_CLASSES)[number];

/** A customer's service experience over the period (DESIGN.md; value/experience_fragment.sql). */
export const SERVICE_EXPERIENCES = ['no_contact', 'answered_fast', 'answered_slow', 'missed'] as const;
export type ServiceExperienceName = (typeof SERVICE_EXPERIENCES)[number];

/** Hours in a week: hour of week 0 is Monday 00:00–01:00, 167 Sunday 23:00–24:00. */
export const HOURS_OF_WEEK = 168;
/** Longest word a `terms` narrowing takes: top terms are words, not sentences. */
export const MAX_TERM_LENGTH = 100;

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
  /**
   * Messages written in these hours of the week, in the workspace's time zone (0 = Monday
   * 00:00–01:00 … 167 = Sunday 23:00): the cells of the hour-of-week heatmap.
   */
  hoursOfWeek?: readonly number[];
  /** Messages whose text has any of these words, split as top terms splits it (terms/words_fragment). */
  terms?: readonly string[];
  /** Messages of these sentiment classes; an unscored message is in none. */
  sentiments?: readonly SentimentClassName[];
  /**
   * Customers with these service experiences over the period. Narrows a list of customers
   * (customerListFilter), never messages: interactionFilter refuses it.
   */
  experiences?: readonly ServiceExperienceName[];
  /** Customers whose first purchase month is one of these ("YYYY-MM"). A customer-list narrowing too. */
  cohorts?: readonly string[];
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

const KNOWN_KEYS = new Set([
  'from',
  'to',
  'brands',
  'channels',
  'segments',
  'agents',
  'publicOnly',
  'hoursOfWeek',
  'terms',
  'sentiments',
  'experiences',
  'cohorts',
]);
/** The fields that narrow a list of customers rather than messages. */
export const CUSTOMER_LIST_KEYS = ['experiences', 'cohorts'] as const;
const MAX_LIST = 100;
const COHORT = /^\d{4}-(0[1-9]|1[0-2])$/;
// A word as splitByNonAlpha(lowerUTF8(…)) leaves it: ASCII lower-case letters and digits, and any
// character outside ASCII. Anything else could never match, so it is refused rather than ignored.
const WORD = /^(?:[a-z0-9]|\P{ASCII})+$/u;

/** The workspace's time zone (UTC when it has no settings row, as migration 0001's default). */
const WORKSPACE_TIME_ZONE =
  "(SELECT if(count() = 0, 'UTC', toString(any(timezone))) FROM workspaces FINAL WHERE workspace_id = {workspace_id:String})";

function checkKeys(filter: AnalyticsFilter): void {
  for (const key of Object.keys(filter)) {
    if (!KNOWN_KEYS.has(key)) throw new FilterError(`unknown filter field "${key}"`);
  }
}

function checkList(name: string, values: readonly unknown[]): void {
  if (values.length > MAX_LIST) throw new FilterError(`${name}: at most ${MAX_LIST} values`);
}

/**
 * The words of `${prefix}text`: terms/words_fragment.sql, the one definition of a word, which
 * terms/top_terms counts and the `terms` narrowing matches, so a word's drill-down holds exactly
 * the messages it counted. Lower-cased runs of letters and digits (bytes outside ASCII count as
 * letters). The fragment has no header comment so top_terms reads as it did before it was shared;
 * its comments are left out here so a where clause stays one line per condition.
 */
export function messageWordsSql(prefix = ''): string {
  const expression = namedQuery('terms/words_fragment')
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .map((line) => line.trim())
    .join(' ');
  const column = /\btext\b/g;
  if ((expression.match(column) ?? []).length !== 1) throw new Error('terms/words_fragment must read `text` once');
  return expression.replace(column, `${prefix}text`);
}

/**
 * The one where-builder for `interactions` (aliased or not): one case per filter field, each a
 * parameterised condition. It fails closed: an unknown field, an unknown channel or an oversized
 * list is an error, never silently ignored.
 */
export function interactionFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  checkKeys(filter);
  for (const key of CUSTOMER_LIST_KEYS) {
    if (filter[key] && filter[key].length > 0) {
      throw new FilterError(`${key} narrows a list of customers (valueCustomers), not messages`);
    }
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
  if (filter.hoursOfWeek && filter.hoursOfWeek.length > 0) {
    if (filter.hoursOfWeek.length > HOURS_OF_WEEK)
      throw new FilterError(`hoursOfWeek: at most ${HOURS_OF_WEEK} values`);
    for (const hour of filter.hoursOfWeek) {
      if (!Number.isInteger(hour) || hour < 0 || hour >= HOURS_OF_WEEK) {
        throw new FilterError(`hoursOfWeek: ${String(hour)} is not an hour of the week (0…${HOURS_OF_WEEK - 1})`);
      }
    }
    // The bucketing of response's HOUR_OF_WEEK grouping: ISO weekday and hour on the local clock.
    parts.push(
      `(toDayOfWeek(${prefix}created_at, 0, ${WORKSPACE_TIME_ZONE}) - 1) * 24 + ` +
        `toHour(toTimeZone(${prefix}created_at, ${WORKSPACE_TIME_ZONE})) IN {f_hours_of_week:Array(UInt8)}`,
    );
    params.f_hours_of_week = [...filter.hoursOfWeek];
  }
  if (filter.terms && filter.terms.length > 0) {
    checkList('terms', filter.terms);
    for (const term of filter.terms) {
      if (term.length === 0 || term.length > MAX_TERM_LENGTH || !WORD.test(term)) {
        throw new FilterError(
          `terms: "${term.slice(0, MAX_TERM_LENGTH)}" is not a word as top terms lists them (lower case, no spaces or punctuation, 1…${MAX_TERM_LENGTH} characters)`,
        );
      }
    }
    parts.push(`hasAny(${messageWordsSql(prefix)}, {f_terms:Array(String)})`);
    params.f_terms = [...filter.terms];
  }
  if (filter.sentiments && filter.sentiments.length > 0) {
    checkList('sentiments', filter.sentiments);
    for (const sentiment of filter.sentiments) {
      if (!(SENTIMENT_CLASSES as readonly string[]).includes(sentiment)) {
        throw new FilterError(`unknown sentiment class "${sentiment}"`);
      }
    }
    // NULL (unscored) fails every comparison: it lands in '' and no class takes it.
    parts.push(
      `multiIf(${prefix}sentiment >= 0.05, 'positive', ${prefix}sentiment <= -0.05, 'negative', ` +
        `${prefix}sentiment > -0.05, 'neutral', '') IN {f_sentiments:Array(String)}`,
    );
    params.f_sentiments = [...filter.sentiments];
  }
  return { sql: parts.map((p) => `AND ${p}`).join('\n  '), params };
}

/**
 * The customer-list narrowings of a filter, for a query listing customers with columns
 * `experience` (value/experience_fragment) and, where the list has one, `cohort` (the first
 * purchase month). Everything else in the filter goes through interactionFilter and
 * customerFilter inside the list's query. Fails closed like interactionFilter: an unknown
 * experience, a malformed month, or cohorts for a list without them is an error.
 */
export function customerListFilter(filter: AnalyticsFilter, columns: { cohort: boolean }): SqlFragment {
  checkKeys(filter);
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.experiences && filter.experiences.length > 0) {
    checkList('experiences', filter.experiences);
    for (const experience of filter.experiences) {
      if (!(SERVICE_EXPERIENCES as readonly string[]).includes(experience)) {
        throw new FilterError(`unknown service experience "${experience}"`);
      }
    }
    parts.push('experience IN {f_experiences:Array(String)}');
    params.f_experiences = [...filter.experiences];
  }
  if (filter.cohorts && filter.cohorts.length > 0) {
    if (!columns.cohort) throw new FilterError('cohorts narrows the purchase cohorts, not this list of customers');
    checkList('cohorts', filter.cohorts);
    for (const cohort of filter.cohorts) {
      if (!COHORT.test(cohort)) throw new FilterError(`cohorts: "${cohort.slice(0, 20)}" is not a month (YYYY-MM)`);
    }
    parts.push('cohort IN {f_cohorts:Array(Date)}');
    params.f_cohorts = filter.cohorts.map((c) => `${c}-01`);
  }
  return { sql: parts.map((p) => `AND ${p}`).join('\n  '), params };
}

/** The filter without its customer-list narrowings: what a customer list's own message queries take. */
export function withoutCustomerList(filter: AnalyticsFilter): AnalyticsFilter {
  const rest = { ...filter };
  for (const key of CUSTOMER_LIST_KEYS) delete rest[key];
  return rest;
}

/** The Filter fields inbound_daily (migration 0016) keeps a column for, and that column. */
const INBOUND_ROLLUP_LISTS = { brands: 'brand', channels: 'channel', agents: 'agent', segments: 'segment' } as const;

/** The Filter fields term_daily (migration 0020) keeps a column for: no agent, but the sentiment class. */
const TERM_ROLLUP_LISTS = {
  brands: 'brand',
  channels: 'channel',
  segments: 'segment',
  sentiments: 'sentiment_class',
} as const;

/**
 * The filter as conditions on a rollup of inbound messages whose columns `lists` names (Filter
 * field -> column, each holding the value interactionFilter compares), plus is_public, with
 * interactionFilter's parameters. null when a field narrows by what the rollup does not keep.
 */
function rollupFilter(filter: AnalyticsFilter, prefix: string, lists: Record<string, string>): SqlFragment | null {
  const checked = interactionFilter(filter);
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'from' || key === 'to' || key === 'publicOnly' || key in lists) continue;
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) return null;
  }
  const parts: string[] = [];
  for (const [key, column] of Object.entries(lists)) {
    const values = filter[key as keyof AnalyticsFilter] as readonly string[] | undefined;
    if (values && values.length > 0) parts.push(`${prefix}${column} IN {f_${key}:Array(String)}`);
  }
  if (filter.publicOnly) parts.push(`${prefix}is_public`);
  return { sql: parts.map((p) => `AND ${p}`).join('\n  '), params: checked.params };
}

/**
 * The same filter as conditions on the inbound_daily rollup (inbound messages per day, brand,
 * channel, public, segment, lifecycle stage and first replier), with interactionFilter's
 * parameters, for the rollup's side of a query (rollup/inbound_rows_fragment.sql). null when a
 * field narrows by what the rollup does not keep (hours, words, sentiment classes, or a field added
 * later): the query then reads the period from the rows. Checked as interactionFilter checks it.
 * The rollup holds inbound messages only: their agent is the first replier, as interactionFilter's.
 */
export function inboundRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, INBOUND_ROLLUP_LISTS);
}

/**
 * The same for the term_daily rollup (terms of inbound messages per day, brand, channel, public,
 * segment and sentiment class: terms/top_terms.sql). null for agents, hours, words or a field
 * added later: top terms then read the period from the rows.
 */
export function termRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, TERM_ROLLUP_LISTS);
}

/**
 * The same for the missed_daily rollup (the gap queue's unanswered messages, with the term
 * rollup's columns: brand, channel, public, segment and sentiment class).
 */
export function missedRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, TERM_ROLLUP_LISTS);
}

/** The Filter fields inbound_hourly (migration 0029) keeps a column for: no agent (see the migration). */
const HOURLY_ROLLUP_LISTS = { brands: 'brand', channels: 'channel', segments: 'segment' } as const;

/**
 * The same for the inbound_hourly rollup (the hour-of-week heatmap: inbound messages per UTC hour,
 * brand, channel, public and segment). null for agents, hours, words, sentiment classes or a field
 * added later: the heatmap then reads the period from the rows.
 */
export function hourlyRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, HOURLY_ROLLUP_LISTS);
}

/** The Filter fields public_posts_daily (migration 0025) keeps a column for: the term rollup's and the first replier. */
const POSTS_ROLLUP_LISTS = { ...TERM_ROLLUP_LISTS, agents: 'agent' } as const;

/**
 * The same for the public_posts_daily rollup (public inbound messages with brand, channel,
 * segment, first replier and sentiment class: amplification/top_posts.sql).
 */
export function postsRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, POSTS_ROLLUP_LISTS);
}

/**
 * The same for the customer_contacts_daily rollup (customers' opening inbound messages with brand,
 * channel, public, segment, first replier and sentiment class: value/service_effects.sql).
 */
export function contactsRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment | null {
  return rollupFilter(filter, prefix, POSTS_ROLLUP_LISTS);
}

/**
 * The same filter applied to a table keyed by customer (transactions, customer_value): only segments
 * apply. On customer_value, whose sorting key holds customer_id, ClickHouse keeps the subquery's
 * set (220 k ids for one segment at bench large) for the key analysis, which skips nothing there
 * (a run holds every customer) and cost up to 0.35 s of CPU a query: the queries that put it on
 * customer_value say `use_index_for_in_with_subqueries = 0` (value/service_value.sql, with the
 * measurements).
 */
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

/** customerFilter on the transactions_daily rollup (migration 0019), whose rows carry the segment. */
export function customerRollupFilter(filter: AnalyticsFilter, prefix = ''): SqlFragment {
  const checked = customerFilter(filter);
  if (!filter.segments || filter.segments.length === 0) return checked;
  return { sql: `AND ${prefix}segment IN {f_segments:Array(String)}`, params: checked.params };
}

/** Puts a where-builder fragment into a named query at its filter marker, the comment `/*filter*` + `/`. */
export function withFilter(sql: string, fragment: SqlFragment, marker = '/*filter*/'): string {
  if (!sql.includes(marker)) throw new Error(`query has no ${marker} marker`);
  return sql.split(marker).join(fragment.sql);
}
