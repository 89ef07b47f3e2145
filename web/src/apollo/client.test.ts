import { describe, expect, it } from '@jest/globals';
import { gql } from '@apollo/client';
import { createCache } from './client';

const LIFT = gql`
  query SentimentLift($filter: Filter!) {
    sentiment(filter: $filter) {
      lift {
        pairs
      }
    }
  }
`;
const TREND = gql`
  query SentimentTrend($filter: Filter!) {
    sentiment(filter: $filter) {
      trendInterval
    }
  }
`;

describe('createCache', () => {
  it('keeps the fields two documents ask of one report with the same arguments', () => {
    const cache = createCache();
    const variables = { filter: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' } };
    cache.writeQuery({
      query: LIFT,
      variables,
      data: { sentiment: { __typename: 'SentimentReport', lift: { __typename: 'SentimentLift', pairs: 3 } } },
    });
    cache.writeQuery({
      query: TREND,
      variables,
      data: { sentiment: { __typename: 'SentimentReport', trendInterval: 'DAY' } },
    });
    // Without the merge the second write replaced the report, and the lift was gone.
    expect(cache.readQuery({ query: LIFT, variables })).toEqual({
      sentiment: { __typename: 'SentimentReport', lift: { __typename: 'SentimentLift', pairs: 3 } },
    });
    expect(cache.readQuery({ query: TREND, variables })).toEqual({
      sentiment: { __typename: 'SentimentReport', trendInterval: 'DAY' },
    });
  });
});
