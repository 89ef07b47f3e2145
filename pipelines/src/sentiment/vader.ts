import { B_DECR, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASE_IDIOMS } from './rules';
import { scanText, type TextScan } from './scan';
import { BIGRAM_BOOSTER_STARTS, WORDS, type WordInfo } from './words';

// A port of the vader-sentiment npm package (1.1.3, Apache-2.0, Comcast; after vaderSentiment by
// C.J. Hutto, MIT) whose compound score is identical to the package's on every text: the same
// rules, the same floating-point operations in the same order, the same rounding. Only the way the
// text is read changed: one scan of the characters (scan.ts) instead of the package's regex passes
// and its punctuation dictionary of 34 strings per word, one Map lookup per word, and buffers
// reused between calls. The rules, with the package's quirks kept on purpose, are marked where they
// differ from what one might expect.

function negated(word: string): boolean {
  return NEGATE.has(word) || word.includes("n't");
}

function isBooster(text: string): boolean {
  const info = WORDS.get(text);
  return info !== undefined && info.isBooster;
}

function isSoOrThis(word: string): boolean {
  return word === 'so' || word === 'this';
}

const LEAST = WORDS.get('least');
const LEAST_IN_LEXICON = LEAST !== undefined && LEAST.inLexicon;

/** SPECIAL_CASE_IDIOMS by first word, to match them word by word without joining strings. */
const IDIOMS_BY_FIRST_WORD = new Map<string, Array<{ words: readonly string[]; valence: number }>>();
for (const [idiom, valence] of SPECIAL_CASE_IDIOMS) {
  const words = idiom.split(' ');
  const list = IDIOMS_BY_FIRST_WORD.get(words[0]) ?? [];
  list.push({ words, valence });
  IDIOMS_BY_FIRST_WORD.set(words[0], list);
}

/** The valence of the idiom that is exactly words[from .. from + length), if one is. */
function idiomAt(words: readonly string[], from: number, length: number): number | undefined {
  const candidates = IDIOMS_BY_FIRST_WORD.get(words[from]);
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) {
    if (candidate.words.length !== length) continue;
    let k = 1;
    while (k < length && candidate.words[k] === words[from + k]) k++;
    if (k === length) return candidate.valence;
  }
  return undefined;
}

/** The package's idioms_check, for a lexicon word at `index` >= 3. */
function idiomsCheck(valence: number, words: readonly string[], index: number, count: number): number {
  // First match wins, in the package's order: w1 w0, w2 w1 w0, w2 w1, w3 w2 w1, w3 w2.
  const found =
    idiomAt(words, index - 1, 2) ??
    idiomAt(words, index - 2, 3) ??
    idiomAt(words, index - 2, 2) ??
    idiomAt(words, index - 3, 3) ??
    idiomAt(words, index - 3, 2);
  if (found !== undefined) valence = found;
  if (count - 1 > index) {
    const idiom = idiomAt(words, index, 2);
    if (idiom !== undefined) valence = idiom;
  }
  if (count - 1 > index + 1) {
    const idiom = idiomAt(words, index, 3);
    if (idiom !== undefined) valence = idiom;
  }
  const w1 = words[index - 1];
  const w2 = words[index - 2];
  const w3 = words[index - 3];
  if (
    (BIGRAM_BOOSTER_STARTS.has(w3) && isBooster(`${w3} ${w2}`)) ||
    (BIGRAM_BOOSTER_STARTS.has(w2) && isBooster(`${w2} ${w1}`))
  ) {
    valence = valence + B_DECR;
  }
  return valence;
}

/** The package's sentiment_valence for the word at `index`, found in the lexicon. */
function lexiconValence(scan: TextScan, info: WordInfo, index: number, capDifferential: boolean): number {
  const { words, lowers, infos, upper } = scan;
  let valence = info.valence;
  if (upper[index] === 1 && capDifferential) {
    if (valence > 0) valence += C_INCR;
    else valence -= C_INCR;
  }
  for (let back = 0; back < 3 && back < index; back++) {
    const before = index - (back + 1);
    const beforeInfo = infos[before];
    if (beforeInfo !== undefined && beforeInfo.inLexicon) continue;

    // scalar_inc_dec, then the distance damping.
    let scalar = 0;
    if (beforeInfo !== undefined && beforeInfo.isBooster) {
      scalar = beforeInfo.booster;
      if (valence < 0) scalar *= -1;
      if (capDifferential && upper[before] === 1) {
        if (valence > 0) scalar += C_INCR;
        else scalar -= C_INCR;
      }
    }
    if (back === 1 && scalar !== 0) scalar = scalar * 0.95;
    else if (back === 2 && scalar !== 0) scalar = scalar * 0.9;
    valence = valence + scalar;

    // never_check. The package's third case also fires on "so"/"this" right before the word,
    // whatever precedes it (the Python original requires "never" first); kept as the package has it.
    if (back === 0) {
      if (negated(words[index - 1])) valence = valence * N_SCALAR;
    } else if (back === 1) {
      if (words[index - 2] === 'never' && isSoOrThis(words[index - 1])) valence = valence * 1.5;
      else if (negated(words[index - 2])) valence = valence * N_SCALAR;
    } else {
      if ((words[index - 3] === 'never' && isSoOrThis(words[index - 2])) || isSoOrThis(words[index - 1])) {
        valence = valence * 1.25;
      } else if (negated(words[index - 3])) valence = valence * N_SCALAR;
      valence = idiomsCheck(valence, words, index, scan.count);
    }
  }

  // least_check: "least" before the word negates it, except in "at least" and "very least".
  if (!LEAST_IN_LEXICON && index > 0 && lowers[index - 1] === 'least') {
    if (index > 1) {
      const before = lowers[index - 2];
      if (before !== 'at' && before !== 'very') valence = valence * N_SCALAR;
    } else {
      valence = valence * N_SCALAR;
    }
  }
  return valence;
}

/** VADER compound of the words of a scanned text (see vaderCompound). */
export function compoundOfScan(scan: TextScan): number {
  const { count, words, lowers, infos, upper } = scan;
  if (count === 0) return 0;

  let allCaps = 0;
  for (let k = 0; k < count; k++) allCaps += upper[k];
  const capDifferential = count - allCaps > 0 && count - allCaps < count;

  // but_check: only the first "but" (else the first "BUT"; "But" is not one) splits the text.
  let butIndex = -1;
  for (let k = 0; k < count; k++) {
    if (words[k] === 'but') {
      butIndex = k;
      break;
    }
  }
  if (butIndex < 0) {
    for (let k = 0; k < count; k++) {
      if (words[k] === 'BUT') {
        butIndex = k;
        break;
      }
    }
  }

  let sum = 0;
  for (let k = 0; k < count; k++) {
    const info = infos[k];
    // Words outside the lexicon, boosters and the "kind" of "kind of" have a valence of 0.
    if (info === undefined || info.isBooster || !info.inLexicon) continue;
    if (k < count - 1 && lowers[k] === 'kind' && lowers[k + 1] === 'of') continue;
    let valence = lexiconValence(scan, info, k, capDifferential);
    if (butIndex >= 0) {
      if (k < butIndex) valence = valence * 0.5;
      else if (k > butIndex) valence = valence * 1.5;
    }
    sum += valence;
  }

  const punctuation = amplifyExclamations(scan.exclamations) + amplifyQuestions(scan.questions);
  if (sum > 0) sum += punctuation;
  else if (sum < 0) sum -= punctuation;

  let compound = sum / Math.sqrt(sum * sum + 15);
  if (compound < -1) compound = -1;
  else if (compound > 1) compound = 1;
  return roundTo4(compound);
}

/**
 * VADER compound score of `text` in [-1, 1], rounded to 4 decimals: exactly the `compound` of
 * vader-sentiment's `SentimentIntensityAnalyzer.polarity_scores(text)`.
 */
export function vaderCompound(text: string): number {
  return compoundOfScan(scanText(text, false));
}

function amplifyExclamations(count: number): number {
  return (count > 4 ? 4 : count) * 0.292;
}

function amplifyQuestions(count: number): number {
  if (count <= 1) return 0;
  return count <= 3 ? count * 0.18 : 0.96;
}

/** The package's parseFloat(x.toFixed(4)). */
function roundTo4(value: number): number {
  return Number.parseFloat(value.toFixed(4));
}
