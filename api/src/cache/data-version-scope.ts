import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The data versions one request has read, by workspace. A cold request reads the version before
 * each of its cached lookups — the result, the filter's own brands, the inbound coverage inside
 * the result, a field's own result — and every read is four maxima over small tables, ~27 ms of
 * CPU embedded (bench/README.md). Inside a scope a request reads it once, and all its results are
 * of one version of the data: a load that finishes mid-request shows in the next request.
 */
export type DataVersionScope = Map<string, Promise<string>>;

const scopes = new AsyncLocalStorage<DataVersionScope>();

/** Runs `work` (and everything it awaits) in `scope`. */
export function inDataVersionScope<T>(scope: DataVersionScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The current request's versions; undefined outside a request (CLI, tests, startup). */
export function currentDataVersionScope(): DataVersionScope | undefined {
  return scopes.getStore();
}
