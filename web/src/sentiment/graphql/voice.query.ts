import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Filter } from '../../filters/graphql/filter';

/** Schema types of `shareOfVoice` and `amplification`, asked together: one round trip for the voice cards. */
export interface BrandVoice {
  brand: string;
  name: string;
  isOwn: boolean;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  share: number | null;
  netSentiment: number | null;
}

export interface AmplifiedPost {
  interactionId: string;
  brand: string;
  channel: string;
  createdAt: string;
  authorHandle: string | null;
  text: string | null;
  sentiment: number | null;
  shares: number;
  quotes: number;
  amplification: number;
  reach: number;
  answered: boolean;
}

export interface AmplificationReport {
  publicMessages: number;
  negativeMessages: number;
  amplification: number;
  reach: number;
  amplifiedNegativeReach: number;
  answeredNegativeReach: number;
  pendingNegativeReach: number;
  missedNegativeReach: number;
  topPosts: AmplifiedPost[];
}

export interface VoiceQueryData {
  shareOfVoice: { totalMentions: number; brands: BrandVoice[] };
  amplification: AmplificationReport;
}

export const VOICE_QUERY: TypedDocumentNode<VoiceQueryData, { filter: Filter; top: number }> = gql`
  query Voice($filter: Filter!, $top: Int) {
    shareOfVoice(filter: $filter) {
      totalMentions
      brands {
        brand
        name
        isOwn
        mentions
        positive
        neutral
        negative
        share
        netSentiment
      }
    }
    amplification(filter: $filter, top: $top) {
      publicMessages
      negativeMessages
      amplification
      reach
      amplifiedNegativeReach
      answeredNegativeReach
      pendingNegativeReach
      missedNegativeReach
      topPosts {
        interactionId
        brand
        channel
        createdAt
        authorHandle
        text
        sentiment
        shares
        quotes
        amplification
        reach
        answered
      }
    }
  }
`;
