import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

/** Schema type `MessageRecord`: an inbound message with its reply facts (DateTime as ISO strings). */
export interface MessageRecord {
  id: string;
  createdAt: string;
  brand: string;
  channel: string;
  author: string;
  customerId: string | null;
  segment: string | null;
  isPublic: boolean;
  text: string;
  sentiment: number | null;
  sentimentClass: string | null;
  status: string;
  replySeconds: number | null;
  replyAgent: string | null;
  reach: number | null;
  shares: number | null;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface MessagesQueryData {
  messages: { nodes: MessageRecord[]; pageInfo: PageInfo };
}

export interface MessagesQueryVariables {
  filter: Filter;
  first: number;
  after?: string | null;
}

export const MESSAGES_QUERY: TypedDocumentNode<MessagesQueryData, MessagesQueryVariables> = gql`
  query Messages($filter: Filter!, $first: Int, $after: String) {
    messages(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        createdAt
        brand
        channel
        author
        customerId
        segment
        isPublic
        text
        sentiment
        sentimentClass
        status
        replySeconds
        replyAgent
        reach
        shares
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
