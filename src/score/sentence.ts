import { SCORE } from '../config.js';
import type { SentenceFeatures } from './features.js';

/** Word-weighted mean: a one-word headline must not weigh as much as a forty-word paragraph. */
export function documentScore(sentences: readonly { score: number; words: number }[]): number {
  const total = sentences.reduce((s, x) => s + x.words, 0);
  if (total === 0) return 0;
  return sentences.reduce((s, x) => s + x.score * x.words, 0) / total;
}

/**
 * The calibrated score. A sentence's expected expert MQM penalty is modelled as
 *   expected = perWord * exposure * deviation + flagWeight * (MQM of mtdiff's own flags)
 * where deviation in [0, 1] mixes how far the MT is from its matched reference (1 - chrF, 1 - BERTScore
 * recall, 1 - sentence cosine) and exposure is its length in words (MQM sums errors, so a long sentence
 * that deviates as much as a short one holds more of them). The score is exp(-expected / unit): 1 for a
 * sentence expected to be error-free, e^-1 for one expected to carry one major error's worth (unit 5).
 * Weights live in config SCORE; `mtdiff eval mqm` refits them by cross-validation.
 */
export interface ScoreWeights {
  /** Mix of the three deviations; they sum to 1. */
  chrf: number;
  bertRecall: number;
  similarity: number;
  /** Exposure = refExposure * reference words + (1 - refExposure) * MT words (MT words without a match). */
  refExposure: number;
  /** Expected MQM points per word of exposure at full deviation. */
  perWord: number;
  /** Expected MQM points per point of mtdiff's own flag penalty. */
  flagWeight: number;
}

type Features = Pick<SentenceFeatures, 'similarity' | 'bert' | 'chrf' | 'mqm' | 'words' | 'refWords'>;

export function deviation(f: Features, w: ScoreWeights): number {
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return w.chrf * clip(1 - f.chrf) + w.bertRecall * clip(1 - f.bert.recall) + w.similarity * clip(1 - f.similarity);
}

export function exposure(f: Features, w: ScoreWeights): number {
  return f.refWords > 0 ? w.refExposure * f.refWords + (1 - w.refExposure) * f.words : f.words;
}

export function expectedMqm(f: Features, w: ScoreWeights = SCORE): number {
  return w.perWord * exposure(f, w) * deviation(f, w) + w.flagWeight * f.mqm;
}

/** A reference sentence nothing in the MT conveys (parallel mode): all of it is deviation. */
export function omittedMqm(refWords: number, w: ScoreWeights = SCORE): number {
  return w.perWord * refWords;
}

export function penaltyScore(expected: number): number {
  return Math.exp(-Math.max(0, expected) / SCORE.penaltyUnit);
}

/** The sentence score in [0, 1]. */
export function qualityScore(f: Features, w: ScoreWeights = SCORE): number {
  return penaltyScore(expectedMqm(f, w));
}
