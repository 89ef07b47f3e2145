import { detectLanguage, NO_LINGUISTIC_CONTENT, type LanguageCode } from './language';
import { vaderCompound } from './vader';

export interface ScoredText {
  /** VADER compound in [-1, 1]; null when the text is not scored (not English, or blank). */
  sentiment: number | null;
  lang: LanguageCode;
}

/**
 * Language and sentiment of one message. Only English is scored with VADER's English lexicon;
 * other languages get null, which loads count as unscored. Text with no letters at all (emoticons,
 * emoji, numbers: 'zxx') is scored too, because VADER's emoticons belong to no language.
 */
export function scoreText(text: string): ScoredText {
  const lang = detectLanguage(text);
  if (lang === 'en') return { sentiment: vaderCompound(text), lang };
  if (lang === NO_LINGUISTIC_CONTENT && text.trim() !== '') return { sentiment: vaderCompound(text), lang };
  return { sentiment: null, lang };
}
