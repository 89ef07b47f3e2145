import { describe, expect, it } from '@jest/globals';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { of } from 'rxjs';
import { WORKSPACE_QUERY, type Workspace } from '../workspace/graphql/workspace.query';
import { workspaceOperation } from '../workspace/early';
import { canonicalJson, earlyLink, primeCache, registerEarly, registerEarlyDocument, usableResult } from './early';

const WORKSPACE: Workspace & { __typename: string } = {
  __typename: 'Workspace',
  id: 'demo',
  name: 'Demo',
  currency: 'USD',
  timezone: 'UTC',
  slaHours: 24,
  brands: [{ __typename: 'Brand', brand: 'acme', name: 'Acme', isOwn: true } as Workspace['brands'][number]],
  segments: ['vip'],
  channels: ['email'],
  dataFrom: '2025-01-01T00:00:00.000Z',
  dataTo: '2025-12-01T00:00:00.000Z',
};

/** A client whose network is a link that answers with `name` and records what reached it. */
function client(key: string, name: string): { apollo: ApolloClient; network: string[] } {
  const network: string[] = [];
  const terminal = new ApolloLink((operation) => {
    network.push(operation.operationName ?? '?');
    return of({ data: { workspace: { ...WORKSPACE, name } } });
  });
  const apollo = new ApolloClient({ link: ApolloLink.from([earlyLink(key), terminal]), cache: new InMemoryCache() });
  return { apollo, network };
}

async function workspaceName(apollo: ApolloClient): Promise<string | undefined> {
  const { data } = await apollo.query({ query: WORKSPACE_QUERY, fetchPolicy: 'network-only' });
  return data?.workspace.name;
}

describe('early requests', () => {
  it('hands an early answer to Apollo once, for the same key, operation and query text Apollo sends', async () => {
    registerEarly({
      key: 'k1',
      ...workspaceOperation(),
      response: Promise.resolve({ data: { workspace: WORKSPACE } }),
    });
    const { apollo, network } = client('k1', 'from the network');
    await expect(workspaceName(apollo)).resolves.toBe('Demo');
    expect(network).toEqual([]);
    // Claimed: the next ask goes to the network.
    await expect(workspaceName(apollo)).resolves.toBe('from the network');
    expect(network).toEqual(['Workspace']);
  });

  it('goes to the network for another key, other variables or another query text', async () => {
    const answer = Promise.resolve({ data: { workspace: WORKSPACE } });
    const operation = workspaceOperation();
    registerEarly({ key: 'other key', ...operation, response: answer });
    registerEarly({ key: 'k2', ...operation, variables: { extra: 1 }, response: answer });
    registerEarly({ key: 'k2', ...operation, query: operation.query.replace('slaHours', ''), response: answer });
    const { apollo, network } = client('k2', 'from the network');
    await expect(workspaceName(apollo)).resolves.toBe('from the network');
    expect(network).toEqual(['Workspace']);
  });

  it('goes to the network when the early request failed or the api answered with errors', async () => {
    for (const response of [
      Promise.reject(new TypeError('Failed to fetch')),
      Promise.resolve(null),
      Promise.resolve({ errors: [{ message: 'no key', extensions: { code: 'UNAUTHENTICATED' } }] }),
    ]) {
      registerEarly({ key: 'k3', ...workspaceOperation(), response });
      const { apollo, network } = client('k3', 'from the network');
      await expect(workspaceName(apollo)).resolves.toBe('from the network');
      expect(network).toEqual(['Workspace']);
    }
  });

  it('primes a new client of the same key with the answers already in, which the network ask still claims', async () => {
    registerEarlyDocument('Workspace', WORKSPACE_QUERY);
    await registerEarly({
      key: 'k4',
      ...workspaceOperation(),
      response: Promise.resolve({ data: { workspace: WORKSPACE } }),
    });
    const other = new InMemoryCache();
    primeCache(other, 'another key');
    expect(other.readQuery({ query: WORKSPACE_QUERY })).toBeNull();

    const { apollo, network } = client('k4', 'from the network');
    const primed = new InMemoryCache();
    primeCache(primed, 'k4');
    expect(primed.readQuery({ query: WORKSPACE_QUERY })?.workspace.name).toBe('Demo');
    // A client's own cache primed the same way: cache-and-network shows the workspace at once (while
    // still loading), and its network ask takes the early answer, not a second request.
    primeCache(apollo.cache, 'k4');
    const seen = await new Promise<string[]>((resolve) => {
      const results: string[] = [];
      const sub = apollo.watchQuery({ query: WORKSPACE_QUERY, fetchPolicy: 'cache-and-network' }).subscribe((r) => {
        results.push(`${r.loading ? 'loading' : 'done'} ${r.data?.workspace?.name ?? '-'}`);
        if (!r.loading) {
          sub.unsubscribe();
          resolve(results);
        }
      });
    });
    expect(seen).toEqual(['loading Demo', 'done Demo']);
    expect(network).toEqual([]);
  });

  it('keeps only answers with data and without errors', () => {
    expect(usableResult({ data: { a: 1 } })).toEqual({ data: { a: 1 } });
    expect(usableResult({ data: { a: 1 }, errors: [] })).toBeNull();
    expect(usableResult({ data: null })).toBeNull();
    expect(usableResult('{"data":{}}')).toBeNull();
    expect(usableResult(null)).toBeNull();
  });

  it('compares variables whatever the order of their keys', () => {
    expect(canonicalJson({ filter: { to: 'b', from: 'a' } })).toBe(canonicalJson({ filter: { from: 'a', to: 'b' } }));
    expect(canonicalJson({ filter: { from: 'a' } })).not.toBe(canonicalJson({ filter: { from: 'b' } }));
  });
});
