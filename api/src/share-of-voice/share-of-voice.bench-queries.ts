import { BENCH_FILTER, type BenchQuery } from '../response/response.bench-queries';

const SHARE_OF_VOICE = /* GraphQL */ `
  query ShareOfVoice($filter: Filter!) {
    shareOfVoice(filter: $filter) {
      totalMentions
      brands {
        brand
        name
        isOwn
        mentions
        share
        positive
        neutral
        negative
        positiveShare
        neutralShare
        negativeShare
        netSentiment
      }
    }
  }
`;

export const SHARE_OF_VOICE_BENCH_QUERIES: BenchQuery[] = [
  { name: 'share of voice', query: SHARE_OF_VOICE, variables: { filter: BENCH_FILTER } },
];
