import {
  ELISIONS,
  ENGLISH_CONTENT_WEIGHT,
  FUNCTION_WORDS,
  LATIN_LANGUAGES,
  LETTER_HINTS,
  scriptOf,
} from './function-words';
import { LEXICON_ENTRIES } from './lexicon';
import { BOOSTERS } from './rules';

// One table for every word either VADER or the language detector knows, so a text is scanned
// once and each of its words looked up once for both.

/** Everything known about one lower-cased word. */
export interface WordInfo {
  /** VADER lexicon valence, NaN when the word is not in the lexicon. */
  readonly valence: number;
  readonly inLexicon: boolean;
  /** VADER booster / dampener scalar, 0 when the word is not one. */
  readonly booster: number;
  readonly isBooster: boolean;
  /** Evidence the word gives each of LATIN_LANGUAGES, when it gives any. */
  readonly languages: Float64Array | undefined;
}

const LANGUAGE_COUNT = LATIN_LANGUAGES.length;

/** A function word counts for each language that has it a share: 1 / number of those languages. */
function functionWordWeights(): Map<string, Float64Array> {
  const weights = new Map<string, Float64Array>();
  for (const [index, language] of LATIN_LANGUAGES.entries()) {
    for (const word of FUNCTION_WORDS[language].split(/\s+/)) {
      if (word === '') continue;
      let shares = weights.get(word);
      if (shares === undefined) {
        shares = new Float64Array(LANGUAGE_COUNT);
        weights.set(word, shares);
      }
      shares[index] = 1;
    }
  }
  for (const shares of weights.values()) {
    const languages = shares.reduce((sum, share) => sum + share, 0);
    for (let k = 0; k < LANGUAGE_COUNT; k++) shares[k] /= languages;
  }
  return weights;
}

function buildWords(): Map<string, WordInfo> {
  const lexicon = new Map(LEXICON_ENTRIES);
  const boosters = new Map(BOOSTERS);
  const functionWords = functionWordWeights();
  const englishContent = new Float64Array(LANGUAGE_COUNT);
  englishContent[LATIN_LANGUAGES.indexOf('en')] = ENGLISH_CONTENT_WEIGHT;
  const words = new Map<string, WordInfo>();
  for (const word of new Set([...lexicon.keys(), ...boosters.keys(), ...functionWords.keys()])) {
    const valence = lexicon.get(word);
    const booster = boosters.get(word);
    let languages = functionWords.get(word);
    if (languages === undefined && /^[a-z][a-z']+$/.test(word)) languages = englishContent;
    words.set(word, {
      valence: valence ?? Number.NaN,
      inLexicon: valence !== undefined,
      booster: booster ?? 0,
      isBooster: booster !== undefined,
      languages,
    });
  }
  return words;
}

export const WORDS: ReadonlyMap<string, WordInfo> = buildWords();

/** Language evidence of an elided head ("j'", "dell'"), by the head. */
export const ELIDED_HEADS: ReadonlyMap<string, Float64Array> = new Map(
  ELISIONS.map(([head, shares]) => {
    const weights = new Float64Array(LANGUAGE_COUNT);
    for (const [language, share] of shares) weights[LATIN_LANGUAGES.indexOf(language)] += share;
    return [head, weights] as const;
  }),
);

// Booster bigrams are matched word by word; a pair is only joined into a string when its first
// word starts one, which is rare.
export const BIGRAM_BOOSTER_STARTS: ReadonlySet<string> = new Set(
  BOOSTERS.filter(([word]) => word.includes(' ')).map(([word]) => word.split(' ')[0]),
);

/** The script of every UTF-16 code unit, by table: the scan looks each character up once. */
export const SCRIPT_OF: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = scriptOf(c);
  return table;
})();

/** For each code unit, 1 + the index of its letter hints in HINT_WEIGHTS, or 0. */
export const HINT_OF: Uint8Array = new Uint8Array(0x10000);
export const HINT_WEIGHTS: Float64Array[] = [];
for (const [letter, language, weight] of LETTER_HINTS) {
  for (const form of new Set([letter, letter.toUpperCase()])) {
    if (form.length !== 1) continue;
    const code = form.charCodeAt(0);
    if (HINT_OF[code] === 0) {
      HINT_WEIGHTS.push(new Float64Array(LANGUAGE_COUNT));
      HINT_OF[code] = HINT_WEIGHTS.length;
    }
    HINT_WEIGHTS[HINT_OF[code] - 1][LATIN_LANGUAGES.indexOf(language)] += weight;
  }
}
