import { languageOfScan, NO_LINGUISTIC_CONTENT, type LanguageCode } from './language';
import { scanText } from './scan';
import { compoundOfScan } from './vader';

export interface ScoredText {
  /** VADER compound in [-1, 1]; null when the text is not scored (not English, or blank). */
  sentiment: number | null;
  lang: LanguageCode;
}

/**
 * Language and sentiment of one message, from one scan of it. Only English is scored with
 * VADER's English lexicon; other languages get null, which loads count as unscored. Text with no
 * letters at all (emoticons, emoji, numbers: 'zxx') is scored too, because VADER's emoticons
 * belong to no language; blank text is not.
 */
export function scoreText(text: string): ScoredText {
  const scan = scanText(text, true);
  const lang = languageOfScan(scan);
  if (lang === 'en' || (lang === NO_LINGUISTIC_CONTENT && text.trim() !== '')) {
    return { sentiment: compoundOfScan(scan), lang };
  }
  return { sentiment: null, lang };
}
