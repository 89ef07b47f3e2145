import { GraphQLError } from 'graphql';
import type { FilterInput } from '../filter/dto/filter.input';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { SentimentClass } from '../terms/dto/top-terms.model';
import { ServiceExperience } from '../value/dto/service-value.model';
import { ExportException, ExportExceptionCode } from './export.exception';

/** An Express query string: repeated names are arrays. */
export type QueryParams = Record<string, unknown>;

const LISTS = ['brands', 'channels', 'segments', 'agents', 'terms', 'cohorts'] as const;
/** Lists of GraphQL enum names (as the dashboard sends them in its Filter), each to its value. */
const ENUM_LISTS = {
  sentiments: Object.fromEntries(Object.entries(SentimentClass)),
  experiences: Object.fromEntries(Object.entries(ServiceExperience)),
} as const;
const FILTER_PARAMS = ['from', 'to', 'publicOnly', 'hoursOfWeek', ...LISTS, ...Object.keys(ENUM_LISTS)];
const MAX_VALUES = 100;
const MAX_HOURS = 168;

function bad(message: string): ExportException {
  return new ExportException(message, ExportExceptionCode.INVALID_QUERY);
}

function single(query: QueryParams, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw bad(`${name} must be given once`);
  return value;
}

function date(query: QueryParams, name: 'from' | 'to'): Date {
  const value = single(query, name);
  if (value === undefined) throw bad(`${name} is required (an ISO-8601 instant, e.g. 2025-03-01T00:00:00Z)`);
  try {
    return DateTimeScalar.parseValue(value) as Date;
  } catch (error) {
    if (error instanceof GraphQLError) throw bad(`${name}: ${error.message}`);
    throw error;
  }
}

/** A list given as repeated parameters, comma-separated values, or both; `brands=` alone is the empty list (all brands). */
function list(query: QueryParams, name: string, max = MAX_VALUES): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).map((v) => {
    if (typeof v !== 'string') throw bad(`${name} must be a list of names`);
    return v;
  });
  const values = parts
    .flatMap((p) => p.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length > max) throw bad(`${name}: at most ${max} values`);
  return values;
}

/** Hours of the week as whole numbers; their range is the where-builder's to check, as for GraphQL. */
function hours(query: QueryParams): number[] | undefined {
  return list(query, 'hoursOfWeek', MAX_HOURS)?.map((v) => {
    if (!/^\d{1,3}$/.test(v)) throw bad(`hoursOfWeek: "${v.slice(0, 20)}" is not a whole number`);
    return Number(v);
  });
}

/** A list of enum names (POSITIVE, ANSWERED_FAST, …) to their values; an unknown name is refused. */
function enumList<T>(query: QueryParams, name: string, values: Record<string, T>): T[] | undefined {
  return list(query, name)?.map((v) => {
    const value = values[v];
    if (value === undefined)
      throw bad(`${name}: unknown value "${v.slice(0, 40)}"; known: ${Object.keys(values).join(', ')}`);
    return value;
  });
}

/**
 * The Filter of an export URL (`?from=…&to=…&channels=twitter,email&publicOnly=true`), with the
 * Filter's field names and lists comma-separated (`hoursOfWeek=9,10`, `sentiments=NEGATIVE`,
 * `experiences=MISSED`, `cohorts=2025-01`). Unknown parameters are refused rather than ignored: a
 * misspelt filter must not export everything. `others` are the endpoint's own parameters, read by it.
 */
export function filterFromQuery(query: QueryParams, others: readonly string[] = []): FilterInput {
  const known = [...FILTER_PARAMS, ...others];
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) throw bad(`unknown parameter "${name}"; known: ${known.join(', ')}`);
  }
  const filter: FilterInput = { from: date(query, 'from'), to: date(query, 'to') };
  for (const name of LISTS) {
    const values = list(query, name);
    if (values) filter[name] = values;
  }
  const hoursOfWeek = hours(query);
  if (hoursOfWeek) filter.hoursOfWeek = hoursOfWeek;
  const sentiments = enumList(query, 'sentiments', ENUM_LISTS.sentiments);
  if (sentiments) filter.sentiments = sentiments;
  const experiences = enumList(query, 'experiences', ENUM_LISTS.experiences);
  if (experiences) filter.experiences = experiences;
  const publicOnly = single(query, 'publicOnly');
  if (publicOnly !== undefined) {
    if (publicOnly !== 'true' && publicOnly !== 'false') throw bad('publicOnly must be true or false');
    filter.publicOnly = publicOnly === 'true';
  }
  return filter;
}

/** One of an endpoint's own parameters that takes one of a few names (`population=PURCHASE_COHORTS`). */
export function choiceFromQuery<T>(query: QueryParams, name: string, values: Record<string, T>): T {
  const value = single(query, name);
  if (value === undefined) throw bad(`${name} is required: one of ${Object.keys(values).join(', ')}`);
  const choice = values[value];
  if (choice === undefined)
    throw bad(`${name}: unknown value "${value.slice(0, 40)}"; known: ${Object.keys(values).join(', ')}`);
  return choice;
}
