// What the language detector knows: the script of each character, and for Latin text the
// function words (and a few letters such as ñ or ß) of the languages it tells apart.

export const LATIN_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'] as const;
export type LatinLanguage = (typeof LATIN_LANGUAGES)[number];

export const FUNCTION_WORDS: Record<LatinLanguage, string> = {
  en: `the a an and or but of to in on at for with from by about as is are was were be been being am
    i i'm im i've i'd i'll me my mine you you're your yours he his him she her it it's its we our us
    they their them this that these those there here what which who whom why how when where
    not no don't dont doesn't didn't can't cant won't isn't aren't wasn't haven't hasn't couldn't
    do does did have has had will would should could can may might must shall just only also very
    so too than then if because while still again any all some more most much many such
    thanks thank please hi hello hey yes yeah ok okay get got been after before into out up over
    your you've we're they're there's that's what's let's ever never always way time day days
    week hours order service customer account flight delivery package phone call email refund
    money back need want know going like make new one see work working fix issue wait waiting
    today now tomorrow yesterday someone anyone nobody something nothing`,
  es: `el la los las un una unos unas y o pero de del al en con por para sin sobre es son está están
    estoy estaba fue ser soy eres era hay muy más menos que qué quien cuando donde dónde como cómo
    porque yo tú usted nosotros ellos ellas mi mis tu tus su sus nuestro nuestra lo le les se me te nos
    este esta esto estos estas ese esa eso también ya todavía aún hola gracias favor bien mal nada
    todo todos siempre nunca ni sí hace han ha he tengo tiene tienen puede pueden desde hasta
    buenos buenas días`,
  fr: `le la les un une des et ou mais de du au aux en dans avec pour par sans sur est sont était été
    être suis es sommes êtes ai as avons avez ont je tu il elle nous vous ils elles mon ma mes ton ta
    tes son sa ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quand où comment
    pourquoi ne pas plus très bien mal tout tous toujours jamais rien aussi encore déjà merci
    bonjour bonsoir salut oui non avoir fait faire peut ça c'est j'ai n'est qu'il d'un l'on`,
  de: `der die das den dem des ein eine einen einem einer und oder aber von zu im in mit für auf aus
    bei nach über ohne ist sind war waren bin bist sein hat haben hatte habe wird werden ich du er
    sie es wir ihr mein meine dein deine unser euer nicht kein keine sehr auch noch schon nur wie
    was wer wann wo warum weil dass wenn doch mal immer nie danke bitte hallo ja nein gut schlecht
    alles kann können muss diese dieser dieses man sich uns mich mir dich dir
    guten morgen tag`,
  pt: `o a os as um uma uns umas e ou mas de do da dos das no na nos nas em com por para sem sobre é
    são está estão estou era foi ser sou eu tu você vocês ele ela nós eles elas meu minha meus
    minhas seu sua seus suas nosso nossa isso isto esse essa este esta aquele que quem quando onde
    como porque muito mais menos também já ainda não sim obrigado obrigada olá oi bem mal nada
    tudo sempre nunca tem têm tenho pode ao aos pelo pela
    bom boa dia`,
  it: `il lo la i gli le un uno una e o ma di del della dei delle da dal in nel nella con per su
    senza è sono era erano essere sei siamo siete ho hai ha abbiamo avete hanno io tu lui lei noi
    voi loro mio mia miei tuo tua suo sua nostro questo questa quello quella che chi quando dove
    come perché non più molto anche già ancora grazie ciao buongiorno sì bene male niente tutto
    sempre mai si ci mi ti vi anche cosa`,
  nl: `de het een en of maar van te in op aan met voor door bij uit over zonder naar is zijn was
    waren ben bent heb hebt heeft hebben had ik jij je u hij zij ze wij we jullie mijn jouw uw
    zijn haar ons onze hun dit dat deze die wat wie wanneer waar waarom hoe omdat niet geen erg
    heel zeer ook nog al alleen altijd nooit bedankt dank alsjeblieft hallo hoi ja nee goed
    slecht alles kan kunnen moet er wel dan
    goedemorgen goedendag dag`,
};

/** Letters that point to one language more than the others. */
// prettier-ignore
export const LETTER_HINTS: ReadonlyArray<readonly [string, LatinLanguage, number]> = [
  ['ñ', 'es', 2], ['¿', 'es', 2], ['¡', 'es', 2],
  ['ã', 'pt', 2], ['õ', 'pt', 2], ['ç', 'pt', 0.5], ['ç', 'fr', 0.5],
  ['ß', 'de', 2], ['ä', 'de', 1], ['ö', 'de', 0.5], ['ü', 'de', 1],
  ['è', 'fr', 0.5], ['è', 'it', 0.5], ['ê', 'fr', 1], ['ê', 'pt', 0.5], ['à', 'fr', 0.5],
  ['à', 'it', 0.5], ['œ', 'fr', 2], ['û', 'fr', 1], ['î', 'fr', 1], ['ù', 'fr', 1],
  ['ì', 'it', 1], ['ò', 'it', 1], ['ĳ', 'nl', 2],
];

/** Elided articles and pronouns ("j'ai", "l'équipe", "dell'ordine"), by language share. */
export const ELISIONS: ReadonlyArray<readonly [string, ReadonlyArray<readonly [LatinLanguage, number]>]> = [
  ...["j'", "d'", "qu'", "n'", "c'", "s'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'"].map(
    (head) => [head, [['fr', 1]]] as const,
  ),
  [
    "l'",
    [
      ['fr', 0.5],
      ['it', 0.5],
    ],
  ],
  ...["dell'", "all'", "dall'", "nell'", "sull'", "un'", "quest'", "quell'"].map(
    (head) => [head, [['it', 1]]] as const,
  ),
];

/** English words outside the function words (VADER's lexicon) count this much each. */
export const ENGLISH_CONTENT_WEIGHT = 0.5;

export enum Script {
  None,
  Latin,
  Cyrillic,
  Greek,
  Hebrew,
  Arabic,
  Devanagari,
  Thai,
  Hangul,
  Kana,
  Han,
  OtherLetter,
}

export const SCRIPT_COUNT = Script.OtherLetter + 1;

export function scriptOf(c: number): Script {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? Script.Latin : Script.None;
  if (c < 0x250)
    return (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xba ? Script.Latin : Script.None;
  if (c >= 0x370 && c <= 0x3ff) return Script.Greek;
  if (c >= 0x400 && c <= 0x52f) return Script.Cyrillic;
  if (c >= 0x591 && c <= 0x5f4) return Script.Hebrew;
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) return Script.Arabic;
  if (c >= 0x900 && c <= 0x97f) return Script.Devanagari;
  if (c >= 0xe00 && c <= 0xe7f) return Script.Thai;
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af))
    return Script.Hangul;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f)) return Script.Kana;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return Script.Han;
  if (c >= 0x1e00 && c <= 0x1eff) return Script.Latin; // Latin Extended Additional (Vietnamese…)
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return Script.Latin; // full-width
  if (c >= 0xd800 && c <= 0xdfff) return Script.None; // emoji and other astral symbols
  if (c >= 0x2000 && c <= 0x2bff) return Script.None; // punctuation, arrows, symbols
  return c >= 0x530 && c < 0x2000 ? Script.OtherLetter : Script.None;
}
