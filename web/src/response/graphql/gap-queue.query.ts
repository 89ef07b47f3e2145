import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

/** Schema type `GapQueueItem`: a missed message; texts and customer details need the analyst role. */
export interface GapQueueItem {
  interactionId: string;
  createdAt: string;
  ageSeconds: number;
  brand: string;
  channel: string;
  isPublic: boolean;
  sentiment: number | null;
  reach: number | null;
  authorHandle: string | null;
  text: string | null;
  customerId: string | null;
  customerName: string | null;
  customerSegment: string | null;
  customerValue: number | null;
}

export interface GapQueueQueryData {
  gapQueue: { totalCount: number; nodes: GapQueueItem[]; pageInfo: PageInfo };
}

export interface GapQueueQueryVariables {
  filter: Filter;
  first: number;
  after?: string | null;
}

export const GAP_QUEUE_QUERY: TypedDocumentNode<GapQueueQueryData, GapQueueQueryVariables> = gql`
  query GapQueue($filter: Filter!, $first: Int, $after: String) {
    gapQueue(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        interactionId
        createdAt
        ageSeconds
        brand
        channel
        isPublic
        sentiment
        reach
        authorHandle
        text
        customerId
        customerName
        customerSegment
        customerValue
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
