import { GraphQLError } from 'graphql';
import type { FilterInput } from '../filter/dto/filter.input';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { ExportException, ExportExceptionCode } from './export.exception';

/** An Express query string: repeated names are arrays. */
export type QueryParams = Record<string, unknown>;

const LISTS = ['brands', 'channels', 'segments', 'agents'] as const;
const KNOWN = new Set<string>(['from', 'to', 'publicOnly', ...LISTS]);
const MAX_VALUES = 100;

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
function list(query: QueryParams, name: string): string[] | undefined {
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
  if (values.length > MAX_VALUES) throw bad(`${name}: at most ${MAX_VALUES} values`);
  return values;
}

/**
 * The Filter of an export URL (`?from=…&to=…&channels=twitter,email&publicOnly=true`). Unknown
 * parameters are refused rather than ignored: a misspelt filter must not export everything.
 */
export function filterFromQuery(query: QueryParams): FilterInput {
  for (const name of Object.keys(query)) {
    if (!KNOWN.has(name)) throw bad(`unknown parameter "${name}"; known: ${[...KNOWN].join(', ')}`);
  }
  const filter: FilterInput = { from: date(query, 'from'), to: date(query, 'to') };
  for (const name of LISTS) {
    const values = list(query, name);
    if (values) filter[name] = values;
  }
  const publicOnly = single(query, 'publicOnly');
  if (publicOnly !== undefined) {
    if (publicOnly !== 'true' && publicOnly !== 'false') throw bad('publicOnly must be true or false');
    filter.publicOnly = publicOnly === 'true';
  }
  return filter;
}
