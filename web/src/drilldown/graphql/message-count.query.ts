import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

/** How many messages a drill-down holds over all its pages. */
export const MESSAGE_COUNT_QUERY: TypedDocumentNode<{ messageCount: number }, { filter: Filter }> = gql`
  query MessageCount($filter: Filter!) {
    messageCount(filter: $filter)
  }
`;
