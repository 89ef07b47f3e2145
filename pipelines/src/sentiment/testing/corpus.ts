import { LEXICON_ENTRIES } from '../lexicon';

/**
 * Hand-written texts aimed at each VADER rule and at the tokenizer's corners. Each must score
 * exactly as vader-sentiment does.
 */
export const SENTIMENT_EDGE_CASES: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'a',
  'ok',
  'good',
  'GOOD',
  'Good',
  'I love this!',
  'I love this!!!!!!',
  'I love this?',
  'I love this??',
  'I love this???',
  'I love this?????',
  'I hate this?!?!',
  'Is it good?!? really !?! great',
  '!!!',
  '???',
  ':)',
  ':-(',
  ':D',
  ':-P :-p',
  '<3 <3',
  'Make sure you :) or :D today!',
  'That was awful :( :-( ):',
  'Catch utf-8 emoji such as 💘 and 💋 and 😁',
  '😀',
  '😡😡😡 terrible',
  'VADER is smart, handsome, and funny.',
  'VADER is smart, handsome, and funny!',
  'VADER is very smart, handsome, and funny.',
  'VADER is VERY SMART, handsome, and FUNNY.',
  'VADER is VERY SMART, handsome, and FUNNY!!!',
  'VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!',
  'ALL CAPS IS ANGRY AND BAD',
  'GREAT service, TERRIBLE food',
  'The book was good.',
  'At least it isn’t a horrible book.',
  "At least it isn't a horrible book.",
  'The book was only kind of good.',
  'The book was kind of good.',
  'kind of',
  'it was kind of bad',
  'it was sort of great',
  'it was just enough good',
  'kinda nice, sorta bad, kind-of ugly',
  'The plot was good, but the characters are uncompelling and the dialog is not great.',
  'Good BUT bad',
  'Good But bad',
  'good but bad but great',
  'but',
  'Today SUX!',
  "Today only kinda sux! But I'll get by, lol",
  'Make sure you :) or :D today!',
  'Not bad at all',
  'not good',
  'never good',
  "isn't good",
  'isnt good',
  "ain't nothing wrong",
  'without doubt excellent',
  'it is not very good',
  'it is not the worst',
  'never so good',
  'never this bad',
  'never so very good',
  'so very good',
  'this so good',
  'least good',
  'the least good',
  'at least good',
  'very least good',
  'the LEAST helpful agent',
  'He cut the mustard',
  'He cut the mustard but it was the shit',
  'this is the bomb',
  'kiss of death for the brand',
  'living hand to mouth, sad',
  'yeah right, great service',
  'living hand to mouth is hard',
  'we live hand to mouth happy',
  'he cut the mustard good',
  'a kiss of death good',
  'it was the bomb good',
  'yeah right good',
  'good the shit',
  'nice cut the mustard',
  'so bad ass great',
  'a bad ass movie',
  'what a badass',
  '\'great\' ok, "awful"',
  '!!great!! ?!?bad ,happy',
  'great!!! bad??? ,good, (happy) [sad]',
  '...good... --bad-- "happy"',
  'good. bad! happy? sad, fine; nice: cool- \'ok\' "yes"',
  "don't! can't? won't. doesn't, isn't",
  'Ça va très bien, merci',
  'İstanbul ıs GÜZEL',
  'STRASSE straße good',
  'ÉNORME success',
  'ＧＯＯＤ　ｓｅｒｖｉｃｅ',
  'good\u00a0bad\u2028happy\u3000sad\ufeffnice\u200bfine',
  'good\u180ebad',
  'good\r\nbad\tugly\vnice\fsad',
  '#fail @airline worst flight ever http://t.co/abc',
  'refund pls!!!!! 😤😤 this is RIDICULOUS',
  'thanks @support, quick reply & great help :-)',
  '10/10 would recommend',
  '1337 h4x0r 143',
  'lol lmao rofl smh',
  '__proto__ constructor hasOwnProperty toString',
  '\ud83d lone surrogate \udc00 good',
  'The service was GOOD',
  'good GOOD',
  'great, GREAT, GrEaT',
  'I am EXTREMELY happy',
  'I am extremely HAPPY',
  'I am EXTREMELY unhappy',
  'not EXTREMELY good',
  'absolutely not really good at all',
  'barely acceptable, hardly great, slightly annoying',
  `I love it but ${'really not very good, '.repeat(3000)}!!!`,
  'The cut the mustard kiss of death '.repeat(500),
];

/** Mulberry32: small, fast and seeded, so a corpus is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// prettier-ignore
const FILLER = [
  'the', 'service', 'agent', 'order', 'flight', 'delivery', 'app', 'support', 'team', 'it', 'was',
  'is', 'my', 'your', 'this', 'that', 'today', 'again', 'and', 'or', 'of', 'to', 'at', 'very',
  'so', 'least', 'kind', 'sort', 'just', 'enough', 'never', 'but', 'BUT', 'But', 'not', "n't",
  'a', 'I', 'we', 'you', 'they', 'refund', 'package', 'hours', 'waiting', 'call', 'chat', 'email',
];
// prettier-ignore
const BOOSTER_WORDS = [
  'absolutely', 'really', 'very', 'so', 'extremely', 'totally', 'quite', 'more', 'most', 'hella',
  'almost', 'barely', 'hardly', 'kinda', 'sorta', 'slightly', 'somewhat', 'little', 'less',
  'friggin', 'fucking', 'uber', 'kind-of', 'sort-of',
];
// prettier-ignore
const NEGATIONS = [
  'not', 'never', "don't", 'dont', "isn't", 'isnt', "can't", 'cannot', 'without', 'nothing',
  'nope', 'rarely', 'seldom', 'despite', "won't", 'neither', 'nor', "wouldn't", 'uh-uh', "DON'T",
  'NOT', "couldn't've",
];
// prettier-ignore
const IDIOMS = [
  'the shit', 'the bomb', 'bad ass', 'yeah right', 'cut the mustard', 'kiss of death', 'hand to mouth',
];
// prettier-ignore
const AFFIXES = [
  '.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!',
  '!?!?', '...', '(', ')', '#', '@', '*', '!,', '?!',
];
// prettier-ignore
const EMOJI = ['😀', '😡', '💘', '👍', '👎', '🙏', '😭', '🔥', '❤️', '☹', '✈️', '🇫🇷'];
// prettier-ignore
const UNICODE = ['café', 'naïve', 'İyi', 'ŞAHANE', 'straße', 'ÉTÉ', 'очень', 'хорошо', '好', '很好', 'ｇｏｏｄ'];
// prettier-ignore
const SPACES = [' ', ' ', ' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\u200b'];

const LEXICON_WORDS = LEXICON_ENTRIES.map(([word]) => word);

/**
 * `count` generated texts, the same for a given seed, mixing lexicon words (emoticons included),
 * boosters, negations, "but", "least", "kind of", idioms, capitals, punctuation, emoji, other
 * scripts and odd whitespace in the proportions that make every rule fire often.
 */
export function generateSentimentCorpus(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(random() * (random() < 0.1 ? 60 : 16));
    const parts: string[] = [];
    for (let k = 0; k < length; k++) {
      const roll = random();
      let word: string;
      if (roll < 0.3) word = pick(LEXICON_WORDS);
      else if (roll < 0.55) word = pick(FILLER);
      else if (roll < 0.67) word = pick(BOOSTER_WORDS);
      else if (roll < 0.77) word = pick(NEGATIONS);
      else if (roll < 0.8) word = pick(IDIOMS);
      else if (roll < 0.84) word = pick(EMOJI);
      else if (roll < 0.87) word = pick(UNICODE);
      else if (roll < 0.9) word = pick(AFFIXES);
      else word = pick(FILLER) + pick(FILLER);
      const caps = random();
      if (caps < 0.12) word = word.toUpperCase();
      else if (caps < 0.16) word = word.charAt(0).toUpperCase() + word.slice(1);
      const affix = random();
      if (affix < 0.12) word = word + pick(AFFIXES);
      else if (affix < 0.2) word = pick(AFFIXES) + word;
      else if (affix < 0.23) word = pick(AFFIXES) + word + pick(AFFIXES);
      parts.push(word);
    }
    let text = '';
    for (let k = 0; k < parts.length; k++) text += (k === 0 ? '' : pick(SPACES)) + parts[k];
    const whole = random();
    if (whole < 0.05) text = text.toUpperCase();
    else if (whole < 0.1) text = text.toLowerCase();
    if (random() < 0.15) text += pick(['!', '!!', '!!!!!', '?', '??', '???', '????', '?!', ' :)', ' :(']);
    if (random() < 0.03) text = ` ${text} `;
    texts.push(text);
  }
  return texts;
}
