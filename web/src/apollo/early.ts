import { ApolloLink, type ApolloCache } from '@apollo/client';
// Apollo's own (cached) printer, the one HttpLink sends the query with.
import { print } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';

/**
 * Early requests: the first queries of a visit, sent before React and Apollo have started, so the
 * api works while the browser still parses the JavaScript. index.html's inline script sends the
 * Workspace query (its text written in at build time by vite.config.ts); main.tsx sends the page's
 * first query as soon as the workspace is known. Apollo's link chain then claims an early answer
 * instead of asking again — only for the same key, operation, query text and variables, and only
 * an answer with data and no errors: anything else (a wrong key, an error, a network failure)
 * goes to the network as if there had been no early request, so errors are handled in one place.
 */
export interface EarlyOperation {
  operationName: string;
  /** The text Apollo's HttpLink would send: the document with __typename added, printed. */
  query: string;
  variables: Record<string, unknown>;
}

export interface EarlyRequest extends EarlyOperation {
  key: string;
  /** The parsed body of a 2xx answer; null when the request failed. */
  response: Promise<unknown>;
}

export interface EarlyResult {
  data: Record<string, unknown>;
}

declare global {
  interface Window {
    /** Set by index.html's inline script. */
    __resonanceEarly?: EarlyRequest[];
  }
}

/**
 * An unclaimed early answer is only worth reusing while the app starts: later it could be older
 * than a load that happened since, and the page asks the network anyway.
 */
const CLAIM_WINDOW_MS = 15_000;

interface Pending {
  request: EarlyRequest;
  result: Promise<EarlyResult | null>;
  sentAt: number;
  /** The result, once it is in. */
  settled?: EarlyResult | null;
}

let pending: Pending[] = [];
const documents = new Map<string, DocumentNode>();

function claimable(entry: Pending, now: number): boolean {
  return now - entry.sentAt <= CLAIM_WINDOW_MS;
}

/** An answer worth handing to Apollo: an object with data and without errors. */
export function usableResult(body: unknown): EarlyResult | null {
  if (typeof body !== 'object' || body === null) return null;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined || typeof data !== 'object' || data === null) return null;
  return { data: data as Record<string, unknown> };
}

/** JSON with object keys sorted, so variables built in another order still compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function sameOperation(key: string, a: EarlyOperation, b: EarlyRequest): boolean {
  return (
    key === b.key &&
    a.operationName === b.operationName &&
    a.query === b.query &&
    canonicalJson(a.variables) === canonicalJson(b.variables)
  );
}

/** Keeps a request sent early for Apollo to claim; returns its usable answer or null. */
export function registerEarly(request: EarlyRequest): Promise<EarlyResult | null> {
  return register(request).result;
}

function register(request: EarlyRequest): Pending {
  const entry: Pending = {
    request,
    result: request.response.then(usableResult, () => null),
    sentAt: Date.now(),
  };
  void entry.result.then((result) => (entry.settled = result));
  pending.push(entry);
  return entry;
}

/** The document of an operation sent early, so a client created once its answer is in starts with it. */
export function registerEarlyDocument(operationName: string, document: DocumentNode): void {
  documents.set(operationName, document);
}

/**
 * Writes the early answers already in for `key` into a new client's cache, so the first render
 * has them (cache-and-network still asks, and the link hands it the same answer).
 */
export function primeCache(cache: ApolloCache, key: string): void {
  const now = Date.now();
  for (const entry of pending) {
    const document = documents.get(entry.request.operationName);
    if (entry.request.key !== key || !entry.settled || !document || !claimable(entry, now)) continue;
    cache.writeQuery({ query: document, variables: entry.request.variables, data: entry.settled.data });
  }
}

/** Takes over the requests index.html's inline script sent (call once, before anything claims). */
export function adoptInlineRequests(): void {
  for (const request of window.__resonanceEarly ?? []) register(request);
  window.__resonanceEarly = [];
}

/** Sends an operation now, for Apollo to claim later; resolves to its usable answer or null. */
export function sendEarly(key: string, operation: EarlyOperation): Promise<EarlyResult | null> {
  const response = fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(operation),
  }).then((r) => (r.ok ? (r.json() as Promise<unknown>) : null));
  return register({ ...operation, key, response }).result;
}

/** The answer of an early request for this operation, without claiming it (main.tsx reads the workspace). */
export function peekEarly(key: string, operationName: string): Promise<EarlyResult | null> | null {
  const found = pending.find((p) => p.request.key === key && p.request.operationName === operationName);
  return found ? found.result : null;
}

function claim(key: string, operation: EarlyOperation): Promise<EarlyResult | null> | null {
  const now = Date.now();
  pending = pending.filter((p) => claimable(p, now));
  const index = pending.findIndex((p) => sameOperation(key, operation, p.request));
  if (index < 0) return null;
  const [found] = pending.splice(index, 1);
  return found ? found.result : null;
}

/**
 * The link that hands an early answer to Apollo, once, for the client of `key`; every other
 * operation, and one whose early request failed, goes on to the network.
 */
export function earlyLink(key: string): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const early = claim(key, {
      operationName: operation.operationName ?? '',
      query: print(operation.query),
      variables: operation.variables,
    });
    if (!early) return forward(operation);
    return new Observable((observer) => {
      let network: Subscription | undefined;
      let closed = false;
      void early.then((result) => {
        if (closed) return;
        if (result) {
          observer.next(result);
          observer.complete();
        } else {
          network = forward(operation).subscribe(observer);
        }
      });
      return () => {
        closed = true;
        network?.unsubscribe();
      };
    });
  });
}
