import type { EarlyOperation } from '../apollo/early';
import { printForApollo } from '../apollo/print-for-apollo';
import { parseFilterState, toFilterInput } from '../filters/url-state';
import type { Workspace } from '../workspace/graphql/workspace.query';
import { OVERVIEW_QUERY } from './graphql/overview.query';

/**
 * The Overview's query for the filters in `search`, exactly as the page will ask it (useOverview
 * with useFilters' filter), so main.tsx can send it before the page has loaded.
 */
export function overviewOperation(workspace: Pick<Workspace, 'dataTo'>, search: string, now: Date): EarlyOperation {
  const dataTo = workspace.dataTo === null ? null : new Date(workspace.dataTo);
  return {
    operationName: 'Overview',
    query: printForApollo(OVERVIEW_QUERY),
    variables: { filter: toFilterInput(parseFilterState(search), dataTo, now) },
  };
}
