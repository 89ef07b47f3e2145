import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfo } from '../../drilldown/graphql/messages.query';

export type TimelineEventKind = 'MESSAGE' | 'REPLY' | 'TRANSACTION';

export interface TimelineEvent {
  id: string;
  kind: TimelineEventKind;
  at: string;
  channel: string | null;
  brand: string | null;
  author: string | null;
  text: string | null;
  sentiment: number | null;
  isPublic: boolean | null;
  firstReplyAt: string | null;
  firstResponseSeconds: number | null;
  inReplyTo: string | null;
  amount: number | null;
  currency: string | null;
  transactionKind: string | null;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  segment: string;
  lifecycleStage: string;
  country: string;
  firstSeenAt: string;
  identities: { kind: string; handle: string; followers: number | null }[];
  value: {
    historicalValue: number;
    transactions: number;
    predictedClv: number | null;
    pAlive: number | null;
    expectedPurchases: number | null;
    predictedAt: string | null;
  };
  timeline: { nodes: TimelineEvent[]; pageInfo: PageInfo };
}

export const CUSTOMER_QUERY: TypedDocumentNode<
  { customer: Customer | null },
  { id: string; first: number; after?: string | null }
> = gql`
  query Customer($id: ID!, $first: Int, $after: String) {
    customer(id: $id) {
      id
      name
      email
      segment
      lifecycleStage
      country
      firstSeenAt
      identities {
        kind
        handle
        followers
      }
      value {
        historicalValue
        transactions
        predictedClv
        pAlive
        expectedPurchases
        predictedAt
      }
      timeline(first: $first, after: $after) {
        nodes {
          id
          kind
          at
          channel
          brand
          author
          text
          sentiment
          isPublic
          firstReplyAt
          firstResponseSeconds
          inReplyTo
          amount
          currency
          transactionKind
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`;
