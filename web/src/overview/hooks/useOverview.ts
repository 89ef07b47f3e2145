import { useQuery } from '@apollo/client/react';
import { useFilters } from '../../filters/hooks/useFilters';
import { OVERVIEW_QUERY, type Overview } from '../graphql/overview.query';

export interface OverviewResult {
  /** The figures for the current filters, or the previous filters' while the new ones load. */
  overview: Overview | undefined;
  loading: boolean;
  error: Error | undefined;
  refetch: () => Promise<unknown>;
}

export function useOverview(): OverviewResult {
  const { filter } = useFilters();
  const { data, previousData, loading, error, refetch } = useQuery(OVERVIEW_QUERY, { variables: { filter } });
  return { overview: data?.overview ?? previousData?.overview, loading, error, refetch };
}
