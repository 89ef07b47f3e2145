import { LATIN_LANGUAGES, Script, SCRIPT_COUNT } from './function-words';
import { PUNCTUATION_AFFIXES } from './rules';
import { ELIDED_HEADS, HINT_OF, HINT_WEIGHTS, SCRIPT_OF, WORDS, type WordInfo } from './words';

// One pass over a text that yields both VADER's words and the language evidence.
//
// VADER's words are the package's SentiText: tokens between JavaScript `\s` characters, longer
// than one UTF-16 unit, with one punctuation affix from PUNCTUATION_AFFIXES removed when what
// remains is a word of more than one unit without punctuation. The language evidence of a token
// is its letters (from the first letter to the last), skipping @mentions, #hashtags and links.
//
// The results live in one shared TextScan, overwritten by the next scan: scoring is synchronous,
// so one per thread is enough and nothing is allocated per text but the words themselves.

const enum Ascii {
  Other,
  Space,
  Punctuation,
  Lower,
  Upper,
}

const ASCII_CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) ASCII_CLASS[c] = Ascii.Space;
  else if (c >= 0x61 && c <= 0x7a) ASCII_CLASS[c] = Ascii.Lower;
  else if (c >= 0x41 && c <= 0x5a) ASCII_CLASS[c] = Ascii.Upper;
  // ASCII punctuation: the package's REGEX_REMOVE_PUNCTUATION.
  else if (
    (c >= 0x21 && c <= 0x2f) ||
    (c >= 0x3a && c <= 0x40) ||
    (c >= 0x5b && c <= 0x60) ||
    (c >= 0x7b && c <= 0x7e)
  ) {
    ASCII_CLASS[c] = Ascii.Punctuation;
  }
}

/** JavaScript's `\s` beyond ASCII. */
function isWideSpace(c: number): boolean {
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

const LANGUAGE_COUNT = LATIN_LANGUAGES.length;

export class TextScan {
  /** VADER's words: `count` of them in words, with their lower case, WordInfo and ALL-CAPS flag. */
  count = 0;
  words: string[] = [];
  lowers: string[] = [];
  infos: Array<WordInfo | undefined> = [];
  upper = new Uint8Array(64);
  exclamations = 0;
  questions = 0;

  /** Letters by script (Latin ones outside mentions, hashtags and links), and Latin evidence. */
  readonly scripts = new Int32Array(SCRIPT_COUNT);
  readonly languages = new Float64Array(LANGUAGE_COUNT);
  /** Letters only Ukrainian (і ї є ґ) or Persian (پ چ ژ گ) has among Cyrillic / Arabic ones. */
  ukrainian = 0;
  persian = 0;

  reset(): void {
    this.count = 0;
    this.exclamations = 0;
    this.questions = 0;
    this.scripts.fill(0);
    this.languages.fill(0);
    this.ukrainian = 0;
    this.persian = 0;
  }

  push(word: string, lower: string, info: WordInfo | undefined, upper: boolean): void {
    if (this.count === this.upper.length) {
      const bigger = new Uint8Array(this.upper.length * 2);
      bigger.set(this.upper);
      this.upper = bigger;
    }
    const k = this.count++;
    this.words[k] = word;
    this.lowers[k] = lower;
    this.infos[k] = info;
    this.upper[k] = upper ? 1 : 0;
  }

  addLanguages(weights: Float64Array): void {
    for (let k = 0; k < LANGUAGE_COUNT; k++) this.languages[k] += weights[k];
  }
}

const SCAN = new TextScan();

/**
 * Scans `text` into the shared TextScan (valid until the next call) and returns it; the language
 * evidence of words only when `languages` is set (VADER alone does not need it).
 */
export function scanText(text: string, languages: boolean): TextScan {
  const scan = SCAN;
  scan.reset();
  const length = text.length;
  let i = 0;
  while (i < length) {
    const start = i;
    let hasUpper = false;
    let hasLower = false;
    let plain = true; // ASCII with no capital: already lower-case
    let punctuation = 0;
    let firstWordChar = -1;
    let lastWordChar = -1;
    let firstLetter = -1;
    let lastLetter = -1;
    let latin = 0;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        const kind = ASCII_CLASS[c];
        if (kind === Ascii.Lower) {
          hasLower = true;
          latin++;
          if (firstLetter < 0) firstLetter = i;
          lastLetter = i;
        } else if (kind === Ascii.Upper) {
          hasUpper = true;
          plain = false;
          latin++;
          if (firstLetter < 0) firstLetter = i;
          lastLetter = i;
        } else if (kind === Ascii.Space) {
          break;
        } else if (kind === Ascii.Punctuation) {
          punctuation++;
          if (c === 0x21) scan.exclamations++;
          else if (c === 0x3f) scan.questions++;
          continue;
        }
      } else {
        if (isWideSpace(c)) break;
        plain = false;
        const script = SCRIPT_OF[c];
        if (script !== Script.None) {
          if (script === Script.Latin) latin++;
          else {
            scan.scripts[script]++;
            if (script === Script.Cyrillic && (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491))
              scan.ukrainian++;
            else if (script === Script.Arabic && (c === 0x67e || c === 0x686 || c === 0x698 || c === 0x6af))
              scan.persian++;
          }
          if (firstLetter < 0) firstLetter = i;
          lastLetter = i;
        }
        const hint = HINT_OF[c];
        if (hint !== 0) scan.addLanguages(HINT_WEIGHTS[hint - 1]);
      }
      if (firstWordChar < 0) firstWordChar = i;
      lastWordChar = i;
    }
    const end = i;
    i++;
    if (end === start) continue;

    // VADER's word.
    let from = start;
    let to = end;
    let info: WordInfo | undefined;
    let stored = false;
    if (end - start > 1) {
      if (punctuation > 0 && firstWordChar >= 0) {
        const leading = firstWordChar - start;
        const trailing = end - 1 - lastWordChar;
        if (leading > 0 && trailing === 0 && punctuation === leading && end - firstWordChar > 1) {
          if (PUNCTUATION_AFFIXES.has(text.slice(start, firstWordChar))) from = firstWordChar;
        } else if (trailing > 0 && leading === 0 && punctuation === trailing && lastWordChar + 1 - start > 1) {
          if (PUNCTUATION_AFFIXES.has(text.slice(lastWordChar + 1, end))) to = lastWordChar + 1;
        }
      }
      const word = text.slice(from, to);
      const lower = plain ? word : word.toLowerCase();
      info = WORDS.get(lower);
      // Python's isupper as the package has it: no a-z and at least one A-Z.
      scan.push(word, lower, info, hasUpper && !hasLower);
      stored = true;
    }

    // Language evidence.
    if (!languages || firstLetter < 0 || isMentionOrLink(text, start)) continue;
    scan.scripts[Script.Latin] += latin;
    if (!stored || firstLetter !== from || lastLetter + 1 !== to) {
      const letters = text.slice(firstLetter, lastLetter + 1);
      const lower = plain ? letters : letters.toLowerCase();
      info = WORDS.get(lower);
      if (info === undefined && lastLetter > firstLetter) {
        addElision(scan, lower);
        continue;
      }
    } else if (info === undefined && (punctuation > 0 || !plain)) {
      addElision(scan, scan.lowers[scan.count - 1]);
      continue;
    }
    if (info !== undefined && info.languages !== undefined) scan.addLanguages(info.languages);
  }
  return scan;
}

function isMentionOrLink(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 0x40 || first === 0x23) return true;
  if (first === 0x68 || first === 0x48) return text.startsWith('http', start) || text.startsWith('HTTP', start);
  if (first === 0x77 || first === 0x57) return text.startsWith('www.', start) || text.startsWith('WWW.', start);
  return false;
}

/** An unknown word with an apostrophe may be an elision ("j'ai", "dell'ordine") or "don’t". */
function addElision(scan: TextScan, lower: string): void {
  let apostrophe = lower.indexOf("'");
  if (apostrophe < 0) {
    apostrophe = lower.indexOf('\u2019');
    if (apostrophe < 0) return;
    lower = lower.replace(/\u2019/g, "'");
    const info = WORDS.get(lower);
    if (info !== undefined && info.languages !== undefined) {
      scan.addLanguages(info.languages);
      return;
    }
  }
  const head = ELIDED_HEADS.get(lower.slice(0, apostrophe + 1));
  if (head !== undefined) scan.addLanguages(head);
}
