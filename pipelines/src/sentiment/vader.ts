import { LEXICON_ENTRIES } from './lexicon';

// A port of the vader-sentiment npm package (1.1.3, Apache-2.0, Comcast; after vaderSentiment by
// C.J. Hutto, MIT) whose compound score is identical to the package's on every text: the same
// rules, the same floating-point operations in the same order, the same rounding. Only the way the
// text is read changed: one scan of the characters instead of the package's regex passes and its
// punctuation dictionary of 34 strings per word, one Map lookup per word, and buffers reused
// between calls. The rules, with the package's quirks kept on purpose, are marked where they
// differ from what one might expect.

const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

const NEGATE = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't",
  "can't", "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt',
  'mightnt', 'mustnt', 'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
  "mustn't", 'neednt', "needn't", 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere',
  'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't", "shan't", "shouldn't",
  'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely',
  'seldom', 'despite',
]);

const BOOSTERS: ReadonlyArray<readonly [string, number]> = [
  ...[
    'absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply',
    'effing', 'enormously', 'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously',
    'flipping', 'flippin', 'fricking', 'frickin', 'frigging', 'friggin', 'fully', 'fucking',
    'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'intensely', 'majorly', 'more', 'most',
    'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly',
    'totally', 'tremendously', 'uber', 'unbelievably', 'unusually', 'utterly', 'very',
  ].map((word) => [word, B_INCR] as const),
  ...[
    'almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less',
    'little', 'marginally', 'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sort of',
    'sorta', 'sortof', 'sort-of',
  ].map((word) => [word, B_DECR] as const),
];

const SPECIAL_CASE_IDIOMS = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['yeah right', -2],
  ['cut the mustard', 2],
  ['kiss of death', -1.5],
  ['hand to mouth', -2],
]);

/** The package's PUNC_LIST: a word keeps its form unless exactly one of these is stuck to it. */
const PUNCTUATION_AFFIXES = new Set([
  '.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?',
]);

/** Everything known about one lower-cased word, found with a single Map lookup. */
interface WordInfo {
  /** Lexicon valence, or NaN when the word is not in the lexicon. */
  readonly valence: number;
  readonly inLexicon: boolean;
  /** Booster / dampener scalar, 0 when the word is not one. */
  readonly booster: number;
  readonly isBooster: boolean;
}

const WORDS = new Map<string, WordInfo>();
{
  const lexicon = new Map(LEXICON_ENTRIES);
  const boosters = new Map(BOOSTERS);
  for (const word of new Set([...lexicon.keys(), ...boosters.keys()])) {
    const valence = lexicon.get(word);
    const booster = boosters.get(word);
    WORDS.set(word, {
      valence: valence ?? Number.NaN,
      inLexicon: valence !== undefined,
      booster: booster ?? 0,
      isBooster: booster !== undefined,
    });
  }
}

// Idioms and booster bigrams are matched word by word; a sequence is only joined into a string
// when its first word starts some idiom, which is rare.
const IDIOM_STARTS = new Set([...SPECIAL_CASE_IDIOMS.keys()].map((idiom) => idiom.split(' ')[0]));
const BIGRAM_BOOSTER_STARTS = new Set(
  BOOSTERS.filter(([word]) => word.includes(' ')).map(([word]) => word.split(' ')[0]),
);

function inLexicon(lower: string): boolean {
  const info = WORDS.get(lower);
  return info !== undefined && info.inLexicon;
}

const LEAST_IN_LEXICON = inLexicon('least');

/** JavaScript's `\s`, which the package splits on. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII punctuation: the package's REGEX_REMOVE_PUNCTUATION. */
function isPunctuation(c: number): boolean {
  return (
    (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)
  );
}

function negated(word: string): boolean {
  return NEGATE.has(word) || word.includes("n't");
}

// Per-word buffers reused across calls (scoring is synchronous, so one set per thread suffices).
let capacity = 64;
let words: string[] = new Array<string>(capacity);
let lowers: string[] = new Array<string>(capacity);
let infos: Array<WordInfo | undefined> = new Array<WordInfo | undefined>(capacity);
let upper = new Uint8Array(capacity);

function grow(): void {
  capacity *= 2;
  words.length = capacity;
  lowers.length = capacity;
  infos.length = capacity;
  const bigger = new Uint8Array(capacity);
  bigger.set(upper);
  upper = bigger;
}

/**
 * Splits like the package's SentiText: tokens between `\s` characters, longer than one UTF-16
 * unit, with one punctuation affix from PUNCTUATION_AFFIXES removed when what remains is a word of
 * more than one unit with no punctuation at all. Returns the number of words; counts `!` and `?`.
 */
function tokenize(text: string): number {
  let count = 0;
  const length = text.length;
  let i = 0;
  exclamations = 0;
  questions = 0;
  while (i <= length) {
    const start = i;
    let hasUpper = false;
    let hasLower = false;
    let plain = true; // ASCII with no capital: already lower-case
    let punctuation = 0;
    let firstWordChar = -1;
    let lastWordChar = -1;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (c >= 0x61 && c <= 0x7a) hasLower = true;
      else if (c >= 0x41 && c <= 0x5a) {
        hasUpper = true;
        plain = false;
      } else if (c > 0x7f) plain = false;
      else if (isPunctuation(c)) {
        punctuation++;
        if (c === 0x21) exclamations++;
        else if (c === 0x3f) questions++;
        continue;
      }
      if (firstWordChar < 0) firstWordChar = i;
      lastWordChar = i;
    }
    const end = i;
    i++;
    if (end - start <= 1) continue;

    let from = start;
    let to = end;
    if (punctuation > 0 && firstWordChar >= 0) {
      const leading = firstWordChar - start;
      const trailing = end - 1 - lastWordChar;
      if (leading > 0 && trailing === 0 && punctuation === leading && end - firstWordChar > 1) {
        if (PUNCTUATION_AFFIXES.has(text.slice(start, firstWordChar))) from = firstWordChar;
      } else if (trailing > 0 && leading === 0 && punctuation === trailing && lastWordChar + 1 - start > 1) {
        if (PUNCTUATION_AFFIXES.has(text.slice(lastWordChar + 1, end))) to = lastWordChar + 1;
      }
    }

    if (count === capacity) grow();
    const word = text.slice(from, to);
    const lower = plain ? word : word.toLowerCase();
    words[count] = word;
    lowers[count] = lower;
    infos[count] = WORDS.get(lower);
    // Python's isupper as the package has it: no a-z and at least one A-Z (punctuation is no letter).
    upper[count] = hasUpper && !hasLower ? 1 : 0;
    count++;
  }
  return count;
}

let exclamations = 0;
let questions = 0;

/** The package's idioms_check, for a lexicon word at `index` >= 3. */
function idiomsCheck(valence: number, index: number, count: number): number {
  const w1 = words[index - 1];
  const w2 = words[index - 2];
  const w3 = words[index - 3];
  const w0 = words[index];
  // First match wins, in the package's order: w1 w0, w2 w1 w0, w2 w1, w3 w2 w1, w3 w2.
  let found: number | undefined;
  if (IDIOM_STARTS.has(w1)) found = SPECIAL_CASE_IDIOMS.get(`${w1} ${w0}`);
  if (found === undefined && IDIOM_STARTS.has(w2)) {
    found = SPECIAL_CASE_IDIOMS.get(`${w2} ${w1} ${w0}`) ?? SPECIAL_CASE_IDIOMS.get(`${w2} ${w1}`);
  }
  if (found === undefined && IDIOM_STARTS.has(w3)) {
    found = SPECIAL_CASE_IDIOMS.get(`${w3} ${w2} ${w1}`) ?? SPECIAL_CASE_IDIOMS.get(`${w3} ${w2}`);
  }
  if (found !== undefined) valence = found;
  if (IDIOM_STARTS.has(w0)) {
    if (count - 1 > index) {
      const idiom = SPECIAL_CASE_IDIOMS.get(`${w0} ${words[index + 1]}`);
      if (idiom !== undefined) valence = idiom;
    }
    if (count - 1 > index + 1) {
      const idiom = SPECIAL_CASE_IDIOMS.get(`${w0} ${words[index + 1]} ${words[index + 2]}`);
      if (idiom !== undefined) valence = idiom;
    }
  }
  if (
    (BIGRAM_BOOSTER_STARTS.has(w3) && isBooster(`${w3} ${w2}`)) ||
    (BIGRAM_BOOSTER_STARTS.has(w2) && isBooster(`${w2} ${w1}`))
  ) {
    valence = valence + B_DECR;
  }
  return valence;
}

function isBooster(lower: string): boolean {
  const info = WORDS.get(lower);
  return info !== undefined && info.isBooster;
}

function isSoOrThis(word: string): boolean {
  return word === 'so' || word === 'this';
}

/** The package's sentiment_valence for a word found in the lexicon. */
function lexiconValence(info: WordInfo, index: number, count: number, capDifferential: boolean): number {
  let valence = info.valence;
  if (upper[index] === 1 && capDifferential) {
    if (valence > 0) valence += C_INCR;
    else valence -= C_INCR;
  }
  for (let back = 0; back < 3; back++) {
    const before = index - (back + 1);
    if (index <= back) break;
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
      valence = idiomsCheck(valence, index, count);
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

/**
 * VADER compound score of `text` in [-1, 1], rounded to 4 decimals: exactly the `compound` of
 * vader-sentiment's `SentimentIntensityAnalyzer.polarity_scores(text)`.
 */
export function vaderCompound(text: string): number {
  const count = tokenize(text);
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
    if (info === undefined) continue; // a valence of 0 adds nothing
    if (info.isBooster) continue;
    if (!info.inLexicon) continue;
    if (k < count - 1 && lowers[k] === 'kind' && lowers[k + 1] === 'of') continue;
    let valence = lexiconValence(info, k, count, capDifferential);
    if (butIndex >= 0) {
      if (k < butIndex) valence = valence * 0.5;
      else if (k > butIndex) valence = valence * 1.5;
    }
    sum += valence;
  }

  const punctuation = amplifyExclamations(exclamations) + amplifyQuestions(questions);
  if (sum > 0) sum += punctuation;
  else if (sum < 0) sum -= punctuation;

  let compound = sum / Math.sqrt(sum * sum + 15);
  if (compound < -1) compound = -1;
  else if (compound > 1) compound = 1;
  return roundTo4(compound);
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
