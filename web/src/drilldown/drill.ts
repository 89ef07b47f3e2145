import type { Filter } from '../filters/graphql/filter';

/**
 * A drill-down: the rows behind a figure, from the page's filter narrowed to what was clicked.
 * Most figures count inbound messages: their rows come from the api's `messages` query and its CSV
 * twin GET /api/export/messages.csv. Value figures count customers: their rows come from
 * `valueCustomers` and GET /api/export/customers.csv, over the population the figure counted. Both
 * take the same Filter as the figure, so a drill-down holds exactly what the figure counted.
 */
export type Drill = {
  /** What was clicked, for the panel's title: "Twitter / X", "Nov 3". */
  title: string;
  filter: Filter;
} & ({ rows: 'messages' } | { rows: 'customers'; population: Population });

/** valueCustomers' populations: the customers of the latest CLV run, or of the purchase cohorts. */
export type Population = 'CLV_RUN' | 'PURCHASE_COHORTS';

export type Narrowing =
  | { kind: 'channel'; value: string }
  | { kind: 'brand'; value: string }
  | { kind: 'segment'; value: string }
  | { kind: 'agent'; value: string }
  | { kind: 'publicOnly' }
  /** A time bucket [from, to), clipped to the filter's period. */
  | { kind: 'period'; from: string; to: string }
  /** A cell of the hour-of-week heatmap: 0 = Monday 00:00 … 167, in the workspace's time zone. */
  | { kind: 'hourOfWeek'; value: number }
  /** A word of the word cloud. */
  | { kind: 'term'; value: string }
  | { kind: 'sentiment'; value: NonNullable<Filter['sentiments']>[number] }
  /** Customer lists only: a service experience, a first-purchase month (YYYY-MM). */
  | { kind: 'experience'; value: NonNullable<Filter['experiences']>[number] }
  | { kind: 'cohort'; value: string };

const LIST_OF = {
  channel: 'channels',
  brand: 'brands',
  segment: 'segments',
  agent: 'agents',
  hourOfWeek: 'hoursOfWeek',
  term: 'terms',
  sentiment: 'sentiments',
  experience: 'experiences',
  cohort: 'cohorts',
} as const;

/** The filter narrowed to one value; a value outside an existing restriction matches nothing, as it should. */
export function narrow(filter: Filter, by: Narrowing): Filter {
  switch (by.kind) {
    case 'publicOnly':
      return { ...filter, publicOnly: true };
    case 'period': {
      const from = by.from > filter.from ? by.from : filter.from;
      const to = by.to < filter.to ? by.to : filter.to;
      return { ...filter, from, to: to > from ? to : from };
    }
    default:
      return { ...filter, [LIST_OF[by.kind]]: [by.value] };
  }
}

/** The hour of the week of a heatmap cell: ISO weekday (1 = Monday) and hour of the day. */
export function hourOfWeek(isoWeekday: number, hour: number): number {
  return (isoWeekday - 1) * 24 + hour;
}

/** A bucket starting at `start` of `days` days, as ISO instants (UTC, as the api buckets). */
export function bucketRange(start: string, days: number): { from: string; to: string } {
  const from = new Date(start.length === 10 ? `${start}T00:00:00.000Z` : start);
  return { from: from.toISOString(), to: new Date(from.getTime() + days * 86_400_000).toISOString() };
}

/** The filter as the export endpoints read it (export-query.ts: the Filter's names, lists comma-separated). */
function filterParams(filter: Filter): URLSearchParams {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  for (const name of [
    'brands',
    'channels',
    'segments',
    'agents',
    'hoursOfWeek',
    'terms',
    'sentiments',
    'experiences',
    'cohorts',
  ] as const) {
    const values = filter[name];
    if (values) params.set(name, values.join(','));
  }
  if (filter.publicOnly !== undefined) params.set('publicOnly', String(filter.publicOnly));
  return params;
}

/** The CSV of every row behind a drill-down: GET /api/export/messages.csv or customers.csv. */
export function exportUrl(drill: Drill): string {
  const params = filterParams(drill.filter);
  if (drill.rows === 'messages') return `/api/export/messages.csv?${params.toString()}`;
  return `/api/export/customers.csv?${new URLSearchParams({ population: drill.population }).toString()}&${params.toString()}`;
}
