-- A message's sentiment class as the rollups keep it (DESIGN.md "Sentiment": positive >= 0.05,
-- negative <= -0.05, neutral between; '' for an unscored message), of the messages `i`.
multiIf(i.sentiment >= 0.05, 'positive', i.sentiment <= -0.05, 'negative', i.sentiment > -0.05, 'neutral', '')
