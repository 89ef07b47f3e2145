export { vaderCompound } from './vader';
import { vaderCompound } from './vader';

/** VADER compound score of an English text in [-1, 1] (see DESIGN.md, Sentiment). */
export function scoreSentiment(text: string): number {
  return vaderCompound(text);
}
