import { DEVIATIONS, type DeviationName, type Deviations } from './deviations.js';
import type { SentenceFeatures } from './features.js';

/** Expected MQM that maps to score e^-1: one major error (WMT21 weight 5). A definition, not fitted. */
export const PENALTY_UNIT = 5;

/** Word-weighted mean: a one-word headline must not weigh as much as a forty-word paragraph. */
export function documentScore(sentences: readonly { score: number; words: number }[]): number {
  const total = sentences.reduce((s, x) => s + x.words, 0);
  if (total === 0) return 0;
  return sentences.reduce((s, x) => s + x.score * x.words, 0) / total;
}

/**
 * The calibrated score. A sentence's expected expert MQM penalty is modelled as
 *   expected = perWord * exposure * deviation + flagWeight * (MQM of mtdiff's own flags)
 * where deviation in [0, 1] is a non-negative mix of the sentence's deviations from its matched reference
 * (src/score/deviations.ts: chrF, chrF++, BERTScore P and R, content-word coverage, length, punctuation,
 * casing errors) and exposure is its length in words (MQM sums errors, so a long sentence that deviates as
 * much as a short one holds more of them). The score is exp(-expected / PENALTY_UNIT): 1 for a sentence
 * expected to be error-free, e^-1 for one expected to carry one major error's worth. The parameters live in
 * models/score.json (src/score/model.ts); `npm run fit:score` refits them.
 */
export interface ScoreWeights {
  /** Non-negative weights of the deviations (missing ones are 0); they sum to 1. */
  mix: Partial<Record<DeviationName, number>>;
  /** Exposure = refExposure * reference words + (1 - refExposure) * MT words (MT words without a match). */
  refExposure: number;
  /** Expected MQM points per word of exposure at full deviation. */
  perWord: number;
  /** Expected MQM points per point of mtdiff's own flag penalty. */
  flagWeight: number;
  /** Expected MQM points per point of the confidence-weighted flag penalty (0 when absent). */
  expectedFlagWeight?: number;
}

type Features = Pick<SentenceFeatures, 'deviations' | 'mqm' | 'words' | 'refWords'> & Partial<Pick<SentenceFeatures, 'flagExpected'>>;

export function deviation(f: Pick<SentenceFeatures, 'deviations'>, w: Pick<ScoreWeights, 'mix'>): number {
  return mixDeviations(f.deviations, w.mix);
}

export function mixDeviations(d: Deviations, mix: ScoreWeights['mix']): number {
  let sum = 0;
  // Only the weighted ones are read: each deviation is computed on first read (src/score/deviations.ts).
  for (const k of DEVIATIONS) if (mix[k]) sum += mix[k] * Math.min(1, Math.max(0, d[k]));
  return sum;
}

export function exposure(f: Pick<Features, 'words' | 'refWords'>, w: Pick<ScoreWeights, 'refExposure'>): number {
  return f.refWords > 0 ? w.refExposure * f.refWords + (1 - w.refExposure) * f.words : f.words;
}

export function expectedMqm(f: Features, w: ScoreWeights): number {
  return w.perWord * exposure(f, w) * deviation(f, w) + w.flagWeight * f.mqm + (w.expectedFlagWeight ?? 0) * (f.flagExpected ?? 0);
}

/** A reference sentence nothing in the MT conveys (parallel mode): all of it is deviation. */
export function omittedMqm(refWords: number, w: Pick<ScoreWeights, 'perWord'>): number {
  return w.perWord * refWords;
}

export function penaltyScore(expected: number): number {
  return Math.exp(-Math.max(0, expected) / PENALTY_UNIT);
}

/** The sentence score in [0, 1]. */
export function qualityScore(f: Features, w: ScoreWeights): number {
  return penaltyScore(expectedMqm(f, w));
}
