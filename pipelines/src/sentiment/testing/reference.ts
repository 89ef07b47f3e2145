import { vaderCompound } from '../vader';

/** The shape of the vader-sentiment package (it ships no types). */
interface VaderSentimentPackage {
  SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}

/**
 * The reference scorer: vader-sentiment's compound, loaded on demand because the package is a
 * development dependency (tests and benchmarks), never needed by a load.
 */
export function loadReferenceScorer(): (text: string) => number {
  const { SentimentIntensityAnalyzer } = require('vader-sentiment') as VaderSentimentPackage;
  return (text) => SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

export interface ScoreMismatch {
  text: string;
  expected: number;
  actual: number;
}

export interface ScoreComparison {
  compared: number;
  maxDifference: number;
  /** Texts whose scores differ by `tolerance` or more (the first 20). */
  mismatches: ScoreMismatch[];
  mismatchCount: number;
}

/** Scores every text with both scorers; used on the test corpus and on any other list of texts. */
export function compareScorers(
  texts: Iterable<string>,
  expected: (text: string) => number,
  actual: (text: string) => number,
  tolerance = 1e-6,
): ScoreComparison {
  const result: ScoreComparison = { compared: 0, maxDifference: 0, mismatches: [], mismatchCount: 0 };
  for (const text of texts) {
    const want = expected(text);
    const got = actual(text);
    const difference = Math.abs(want - got);
    result.compared++;
    // NaN never compares, so it is caught here rather than passing as a difference of NaN.
    if (!(difference < tolerance)) {
      result.mismatchCount++;
      if (result.mismatches.length < 20) result.mismatches.push({ text, expected: want, actual: got });
    }
    if (difference > result.maxDifference || Number.isNaN(difference)) {
      result.maxDifference = Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference;
    }
  }
  return result;
}

/** compareScorers of vader-sentiment against our vaderCompound, on any list of texts. */
export function compareWithReference(texts: Iterable<string>, tolerance = 1e-6): ScoreComparison {
  return compareScorers(texts, loadReferenceScorer(), vaderCompound, tolerance);
}
