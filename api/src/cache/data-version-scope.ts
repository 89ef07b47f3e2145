import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The data versions one request has read, by workspace. A cold request reads the version before
 * each of its cached lookups — the result, then the inbound coverage inside it, then the gap
 * queue's valued customers — and every read is four maxima over small tables, ~27 ms of CPU
 * embedded at 10 M interactions (bench/README.md). Inside a scope a request reads it once, and all
 * its results are of one version of the data: a load that finishes mid-request shows in the next.
 */
const scopes = new AsyncLocalStorage<Map<string, Promise<string>>>();

/** Runs `work` (and everything it awaits) in a new scope. */
export function inDataVersionScope<T>(work: () => T): T {
  return scopes.run(new Map(), work);
}

/** The current request's versions; undefined outside a request (CLI, tests, startup). */
export function currentDataVersionScope(): Map<string, Promise<string>> | undefined {
  return scopes.getStore();
}
