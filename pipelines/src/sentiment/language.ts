import { LATIN_LANGUAGES, SCRIPT_COUNT, Script } from './function-words';
import { scanText, type TextScan } from './scan';

// A small language detector for short customer messages: the script decides non-Latin languages;
// for Latin text, function words (and a few letters such as ñ or ß) of en, es, fr, de, pt, it and
// nl are counted, a word shared by several languages counting for each a share, and VADER's
// English words a half for English (function-words.ts, words.ts). It answers an ISO 639-1 code,
// 'und' when it cannot tell, and 'zxx' (ISO 639-2, "no linguistic content") for text without
// letters, such as emoticons or emoji only.

/** An ISO 639-1 code ('en', 'es', …), or UNDETERMINED / NO_LINGUISTIC_CONTENT. */
export type LanguageCode = string;

export const UNDETERMINED = 'und';
export const NO_LINGUISTIC_CONTENT = 'zxx';

/**
 * The language of `text`: 'en', 'es', 'fr', 'de', 'pt', 'it', 'nl', or by script 'ru', 'uk',
 * 'el', 'he', 'ar', 'fa', 'hi', 'th', 'ko', 'ja', 'zh'; 'und' when it cannot tell (other Latin
 * languages, names only, ties); 'zxx' when the text has no letters.
 */
export function detectLanguage(text: string): LanguageCode {
  return languageOfScan(scanText(text, true));
}

/** The language of a scanned text (see detectLanguage). */
export function languageOfScan(scan: TextScan): LanguageCode {
  const { scripts } = scan;
  let letters = 0;
  let dominant = Script.None;
  for (let s = 1; s < SCRIPT_COUNT; s++) {
    letters += scripts[s];
    if (scripts[s] > scripts[dominant]) dominant = s;
  }
  if (letters === 0) return NO_LINGUISTIC_CONTENT;
  switch (dominant) {
    case Script.Latin:
      return latinLanguage(scan.languages);
    case Script.Cyrillic:
      return scan.ukrainian > 0 ? 'uk' : 'ru';
    case Script.Greek:
      return 'el';
    case Script.Hebrew:
      return 'he';
    case Script.Arabic:
      return scan.persian > 0 ? 'fa' : 'ar';
    case Script.Devanagari:
      return 'hi';
    case Script.Thai:
      return 'th';
    case Script.Hangul:
      return 'ko';
    case Script.Kana:
      return 'ja';
    case Script.Han:
      // Japanese mixes kanji with kana: any kana makes it Japanese.
      return scripts[Script.Kana] > 0 ? 'ja' : 'zh';
    default:
      return UNDETERMINED;
  }
}

/** The language with the most evidence; none, or a tie for the most, is undetermined. */
function latinLanguage(scores: Float64Array): LanguageCode {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
  if (scores[best] <= 0) return UNDETERMINED;
  for (let k = 0; k < scores.length; k++) if (k !== best && scores[k] === scores[best]) return UNDETERMINED;
  return LATIN_LANGUAGES[best];
}
