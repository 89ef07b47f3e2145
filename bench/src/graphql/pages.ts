import recorded from './pages.json';

/**
 * What each dashboard page sends on opening, as the browser sends it: operation, text (with the
 * `__typename`s Apollo adds) and variables, the filter's period left out (the bench sets it).
 * Recorded from the built dashboard by web/test/dashboard.browser.spec.ts, which fails when a page
 * sends anything else; `RESONANCE_RECORD_PAGES=1` there writes pages.json again.
 */
export interface PageRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export const PAGE_REQUESTS: Readonly<Record<string, readonly PageRequest[]>> = recorded;

/**
 * A request's name in the bench's tables: its operation, and its variables other than the filter
 * when it has any ("Response (groupBy: CHANNEL)").
 */
export function requestName(request: PageRequest): string {
  const others = Object.entries(request.variables).filter(([key]) => key !== 'filter');
  const filter = request.variables['filter'] as Record<string, unknown> | undefined;
  const narrowed = filter ? Object.entries(filter) : [];
  const parts = [...others, ...narrowed].map(([key, value]) => `${key}: ${String(value)}`);
  return parts.length === 0 ? request.operationName : `${request.operationName} (${parts.join(', ')})`;
}
