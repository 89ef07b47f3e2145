import { readFileSync } from 'node:fs';
import { LEXICON_ENTRIES } from './lexicon';
import { vaderCompound } from './vader';
import { generateSentimentCorpus, SENTIMENT_EDGE_CASES } from './testing/corpus';
import { compareScorers, compareWithReference, loadReferenceScorer } from './testing/reference';

const reference = loadReferenceScorer();

describe('vaderCompound', () => {
  it('ships the lexicon of the vader-sentiment package, last duplicate winning', () => {
    const file = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
    const expected = new Map<string, number>();
    for (const line of file.split('\n')) {
      if (line === '') continue;
      const [word, rating] = line.split('\t');
      expected.delete(word);
      expected.set(word, Number(rating));
    }
    expect(LEXICON_ENTRIES.length).toBe(expected.size);
    expect(new Map(LEXICON_ENTRIES)).toEqual(expected);
  });

  it('scores the hand-written edge cases exactly as vader-sentiment', () => {
    const comparison = compareScorers(SENTIMENT_EDGE_CASES, reference, vaderCompound);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.compared).toBe(SENTIMENT_EDGE_CASES.length);
  });

  it('gives the published scores of the VADER examples', () => {
    expect(vaderCompound('VADER is smart, handsome, and funny.')).toBe(0.8316);
    expect(vaderCompound('The book was kind of good.')).toBe(0.3832);
    expect(vaderCompound('')).toBe(0);
    expect(vaderCompound('ok')).toBe(reference('ok'));
  });

  it('splits on exactly the whitespace JavaScript calls \\s, for every UTF-16 code unit', () => {
    const texts: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      texts.push(`not${String.fromCharCode(code)}good`);
    }
    expect(compareScorers(texts, reference, vaderCompound).mismatches).toEqual([]);
  });

  it('treats every punctuation affix and every ASCII character as the package does', () => {
    const texts: string[] = [];
    for (let code = 0x21; code < 0x7f; code++) {
      const c = String.fromCharCode(code);
      texts.push(`${c}good bad${c} ${c}${c}nice${c} ${c}${c}ugly great${c}${c}${c} ${c}x :${c}`);
    }
    expect(compareScorers(texts, reference, vaderCompound).mismatches).toEqual([]);
  });

  it('scores every lexicon word alone, capitalised among others, negated and boosted as the package does', () => {
    const texts = LEXICON_ENTRIES.flatMap(([word]) => [
      word,
      `the ${word.toUpperCase()} one`,
      `not really ${word}!`,
      `never so ${word} but kind of ${word}??`,
    ]);
    expect(compareScorers(texts, reference, vaderCompound).mismatches).toEqual([]);
  });

  it.each([1, 2, 3])('scores a generated corpus of 5 000 texts (seed %i) exactly as vader-sentiment', (seed) => {
    const corpus = generateSentimentCorpus(5_000, seed);
    const comparison = compareScorers(corpus, reference, vaderCompound);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.maxDifference).toBeLessThan(1e-6);
    // The corpus must exercise the scorer, not only neutral texts.
    expect(corpus.filter((text) => vaderCompound(text) > 0.05).length).toBeGreaterThan(1_000);
    expect(corpus.filter((text) => vaderCompound(text) < -0.05).length).toBeGreaterThan(1_000);
  });

  it('compares any list of texts with the package in one call', () => {
    const texts = generateSentimentCorpus(300, 21);
    expect(compareWithReference(texts)).toEqual({ compared: 300, maxDifference: 0, mismatches: [], mismatchCount: 0 });
  });

  it('returns the same score when called again (no state leaks between calls)', () => {
    const corpus = generateSentimentCorpus(500, 9);
    const first = corpus.map(vaderCompound);
    const long = SENTIMENT_EDGE_CASES[SENTIMENT_EDGE_CASES.length - 2];
    vaderCompound(long);
    expect(corpus.map(vaderCompound)).toEqual(first);
  });
});

describe('compareScorers', () => {
  it('reports texts whose scores differ, and NaN as a mismatch', () => {
    const comparison = compareScorers(
      ['a', 'b', 'c'],
      () => 0.5,
      (text) => (text === 'a' ? 0.5 : text === 'b' ? 0.4 : Number.NaN),
    );
    expect(comparison.compared).toBe(3);
    expect(comparison.mismatchCount).toBe(2);
    expect(comparison.mismatches.map((m) => m.text)).toEqual(['b', 'c']);
    expect(comparison.maxDifference).toBe(Number.POSITIVE_INFINITY);
  });
});
