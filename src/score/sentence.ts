import { SCORE } from '../config.js';

/** Cosine mapped onto [0, 1] between the config's floor and ceiling. */
export function similarityScore(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - SCORE.simFloor) / (SCORE.simCeil - SCORE.simFloor)));
}

/** The meaning score discounted by the density of flagged errors, so a flagged sentence never scores 1. */
export function sentenceScore(cosine: number, mqm: number, words: number): number {
  return similarityScore(cosine) * Math.exp((-SCORE.penaltyScale * mqm) / Math.max(words, 1));
}

/** Word-weighted mean: a one-word headline must not weigh as much as a forty-word paragraph. */
export function documentScore(sentences: readonly { score: number; words: number }[]): number {
  const total = sentences.reduce((s, x) => s + x.words, 0);
  if (total === 0) return 0;
  return sentences.reduce((s, x) => s + x.score * x.words, 0) / total;
}
