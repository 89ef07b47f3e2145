import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { earlyLink, primeCache } from './early';

export interface ClientOptions {
  apiKey: string;
  /** Called when the api rejects the key: the app returns to the sign-in screen. */
  onUnauthenticated: () => void;
}

export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * The cache. A report without an id (Response, Sentiment) is kept under its query field and
 * arguments; two documents asking different fields of it with the same arguments (the api computes
 * only what a request selects, so the cards ask narrower documents) merge their fields instead of
 * replacing each other's, which would send each to the network again.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ResponseReport: { merge: true },
      SentimentReport: { merge: true },
    },
  });
}

/** One client per key: signing in with another key starts from an empty cache. */
export function createApolloClient({ apiKey, onUnauthenticated }: ClientOptions): ApolloClient {
  const errors = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  });
  const http = new HttpLink({ uri: '/graphql', headers: { authorization: `Bearer ${apiKey}` } });
  const cache = createCache();
  primeCache(cache, apiKey);
  return new ApolloClient({
    // An early answer (early.ts) stands in for the network only when it has data and no errors:
    // a refusal is asked again and reaches the error link like any other.
    link: ApolloLink.from([errors, earlyLink(apiKey), http]),
    cache,
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
