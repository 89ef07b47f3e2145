import type { Filter } from '../filters/graphql/filter';

/**
 * A drill-down: the rows behind a figure are the inbound messages of the page's filter narrowed to
 * what was clicked (a channel, a brand, a segment, an agent, a day or week). The rows come from
 * the api's `messages` query and its CSV twin GET /api/export/messages.csv, which take the same
 * Filter, so a drill-down shows exactly the messages the figure counted.
 */
export interface Drill {
  /** What was clicked, for the panel's title: "Twitter / X", "Nov 3". */
  title: string;
  filter: Filter;
}

export type Narrowing =
  | { kind: 'channel'; value: string }
  | { kind: 'brand'; value: string }
  | { kind: 'segment'; value: string }
  | { kind: 'agent'; value: string }
  | { kind: 'publicOnly' }
  /** A time bucket [from, to), clipped to the filter's period. */
  | { kind: 'period'; from: string; to: string };

const LIST_OF = { channel: 'channels', brand: 'brands', segment: 'segments', agent: 'agents' } as const;

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

/** A bucket starting at `start` of `days` days, as ISO instants (UTC, as the api buckets). */
export function bucketRange(start: string, days: number): { from: string; to: string } {
  const from = new Date(start.length === 10 ? `${start}T00:00:00.000Z` : start);
  return { from: from.toISOString(), to: new Date(from.getTime() + days * 86_400_000).toISOString() };
}

/** GET /api/export/messages.csv for a filter (export-query.ts: lists comma-separated, unknown names refused). */
export function exportUrl(filter: Filter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  for (const name of ['brands', 'channels', 'segments', 'agents'] as const) {
    const values = filter[name];
    if (values) params.set(name, values.join(','));
  }
  if (filter.publicOnly !== undefined) params.set('publicOnly', String(filter.publicOnly));
  return `/api/export/messages.csv?${params.toString()}`;
}
