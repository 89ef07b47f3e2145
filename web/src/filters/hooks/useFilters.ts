import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import type { Filter } from '../graphql/filter';
import {
  parseFilterState,
  resolveCompareFrom,
  resolvePeriod,
  stringifyFilterState,
  toFilterInput,
  type FilterState,
  type TimeRange,
} from '../url-state';

export interface Filters {
  state: FilterState;
  /** Navigates to the same page with the new filters: a history entry, so Back undoes it. */
  setState: (next: FilterState) => void;
  range: TimeRange;
  compareRange: TimeRange | null;
  /** The GraphQL Filter; the same object for the same URL, so queries do not refetch on render. */
  filter: Filter;
}

export function useFilters(): Filters {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  // "Today" for a workspace without data, fixed for the page's life so variables stay stable.
  const [now] = useState(() => new Date());
  const dataTo = workspace.dataTo ? new Date(workspace.dataTo) : null;
  const dataToTime = dataTo?.getTime() ?? null;

  const state = useMemo(() => parseFilterState(search), [search]);
  const derived = useMemo(() => {
    const anchor = dataToTime === null ? null : new Date(dataToTime);
    const range = resolvePeriod(state.period, anchor, now);
    const compareFrom = resolveCompareFrom(range, state.compare);
    const compareRange = compareFrom
      ? { from: compareFrom, to: new Date(compareFrom.getTime() + (range.to.getTime() - range.from.getTime())) }
      : null;
    return { range, compareRange, filter: toFilterInput(state, anchor, now) };
  }, [state, dataToTime, now]);

  const setState = useCallback(
    (next: FilterState) => navigate({ pathname, search: stringifyFilterState(next) }),
    [navigate, pathname],
  );

  return { state, setState, ...derived };
}
