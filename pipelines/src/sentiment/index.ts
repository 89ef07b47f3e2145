import { vaderCompound } from './vader';

export { vaderCompound } from './vader';
export { detectLanguage, NO_LINGUISTIC_CONTENT, UNDETERMINED, type LanguageCode } from './language';
export { scoreText, type ScoredText } from './score-text';
export { SentimentPool, scoreBatch, closeSentimentPool, type SentimentPoolOptions } from './pool';
export { generateSentimentCorpus, SENTIMENT_EDGE_CASES } from './testing/corpus';
export {
  compareScorers,
  compareWithReference,
  loadReferenceScorer,
  type ScoreComparison,
  type ScoreMismatch,
} from './testing/reference';

/** VADER compound score of an English text in [-1, 1] (see DESIGN.md, Sentiment). */
export function scoreSentiment(text: string): number {
  return vaderCompound(text);
}
