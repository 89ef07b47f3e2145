import type { BatchScorer } from '../load/ingest-run';
import { scoreBatch } from '../sentiment';

/**
 * The scorer loads use: the sentiment module's worker pool (VADER for English, other languages
 * left unscored with their language). Its workers do not keep the process alive.
 */
export function defaultScorer(): BatchScorer {
  return async (texts) => (await scoreBatch(texts)).map((s) => ({ sentiment: s.sentiment, lang: s.lang }));
}
