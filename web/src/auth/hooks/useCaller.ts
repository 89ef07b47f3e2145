import { useQuery } from '@apollo/client/react';
import { CALLER_QUERY, type Caller } from '../graphql/caller.query';

/**
 * The signed-in key's role from the api (`caller`), asked once per sign-in (Apollo's cache) and
 * only by the screens that show or hide controls by role. Undefined while loading or on error:
 * those screens then offer nothing that needs a role.
 */
export function useCaller(): { caller: Caller | undefined; loading: boolean } {
  const { data, loading } = useQuery(CALLER_QUERY);
  return { caller: data?.caller, loading };
}
