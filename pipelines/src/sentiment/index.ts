import { vaderCompound } from './vader';

export { vaderCompound } from './vader';
export * from './language';
export * from './score-text';
export { SentimentPool, scoreBatch, closeSentimentPool, type SentimentPoolOptions } from './pool';
export * from './testing/corpus';
export * from './testing/reference';

/** VADER compound score of an English text in [-1, 1] (see DESIGN.md, Sentiment). */
export function scoreSentiment(text: string): number {
  return vaderCompound(text);
}
