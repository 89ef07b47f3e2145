// VADER's word lists and constants as the vader-sentiment package (1.1.3) has them.

/** Empirical mean increase of intensity for a booster word, and decrease for a dampener. */
export const B_INCR = 0.293;
export const B_DECR = -0.293;
/** Empirical mean increase for a sentiment word in ALL CAPS among words that are not. */
export const C_INCR = 0.733;
export const N_SCALAR = -0.74;

// prettier-ignore
export const NEGATE: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't",
  "can't", "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt',
  'mightnt', 'mustnt', 'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
  "mustn't", 'neednt', "needn't", 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere',
  'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't", "shan't", "shouldn't",
  'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely',
  'seldom', 'despite',
]);

/** Booster (B_INCR) and dampener (B_DECR) words, some of them two words. */
// prettier-ignore
export const BOOSTERS: ReadonlyArray<readonly [string, number]> = [
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

export const SPECIAL_CASE_IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['yeah right', -2],
  ['cut the mustard', 2],
  ['kiss of death', -1.5],
  ['hand to mouth', -2],
]);

/** The package's PUNC_LIST: a word keeps its form unless exactly one of these is stuck to it. */
// prettier-ignore
export const PUNCTUATION_AFFIXES: ReadonlySet<string> = new Set([
  '.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?',
]);
