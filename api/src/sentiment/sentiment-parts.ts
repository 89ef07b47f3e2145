/**
 * The queries a Sentiment request needs, from the fields it selects: the grouping's distribution
 * (sentiment/distribution.sql, its rows and its total) and the trend (sentiment/trend.sql, the
 * buckets, the lift and the total). The Sentiment page's table by brand asks for rows alone and
 * needs no trend; the Response page asks for the lift alone and needs no grouping.
 */
export interface SentimentParts {
  distribution: boolean;
  trend: boolean;
}

export const ALL_SENTIMENT_PARTS: SentimentParts = { distribution: true, trend: true };

/** The parts the selected fields (selectedPaths below `sentiment`) need, for a request grouped or not. */
export function sentimentParts(paths: ReadonlySet<string>, grouped: boolean): SentimentParts {
  const trend = paths.has('trend') || paths.has('lift');
  // The total comes from the trend when it runs, else from the distribution; ungrouped, from the trend.
  const total = paths.has('total');
  return {
    distribution: grouped && (paths.has('rows') || (total && !trend)),
    trend: trend || (total && !grouped),
  };
}
