import { SCORE } from '../config.js';
import { deviation, exposure, omittedMqm, penaltyScore, qualityScore, type ScoreWeights } from '../score/sentence.js';
import { documentScore } from '../score/sentence.js';
import { agreement, type Agreement, type Scored } from './agreement.js';
import type { EvalItem } from './collect.js';

/** The grid the weights are chosen from: a simplex over the deviations, exposure and flag trust. */
const MIX_STEP = 0.1;
const REF_EXPOSURE = [0, 0.5, 1];
/** Flag MQM points counted per unit of exposure-weighted deviation (relative, before the per-word scale). */
const FLAG_RATIO = [0, 0.1, 0.25, 0.5, 1, 2];

/** A segment's score as `check` would report it for that segment: word-weighted mean of sentence scores. */
export function segmentScore(item: Pick<EvalItem, 'sentences' | 'unmatchedWords'>, w: ScoreWeights = SCORE): number {
  const parts = item.sentences.map((f) => ({ score: qualityScore(f, w), words: f.words }));
  if (item.unmatchedWords > 0) parts.push({ score: penaltyScore(omittedMqm(item.unmatchedWords, w)), words: item.unmatchedWords });
  return documentScore(parts);
}

export function scoredRows(items: readonly EvalItem[], score: (item: EvalItem) => number): Scored[] {
  return items.map((it) => ({ system: it.segment.system, item: `${it.segment.doc}\t${it.segment.segId}`, mqm: it.mqm, score: score(it) }));
}

/** What the fit maximises: flattened tau rewards length as much as quality, item-grouped tau only quality. */
export function objective(a: Agreement): number {
  return (Number.isNaN(a.flatTau) ? 0 : a.flatTau) + (Number.isNaN(a.groupedTau) ? 0 : a.groupedTau);
}

function* candidates(): Generator<{ mix: [number, number, number]; refExposure: number; flagRatio: number }> {
  const steps = Math.round(1 / MIX_STEP);
  for (let a = 0; a <= steps; a++) {
    for (let b = 0; a + b <= steps; b++) {
      const mix: [number, number, number] = [a / steps, b / steps, (steps - a - b) / steps];
      for (const refExposure of REF_EXPOSURE) for (const flagRatio of FLAG_RATIO) yield { mix, refExposure, flagRatio };
    }
  }
}

/**
 * Expected MQM is perWord * (exposure * deviation + flagRatio * flag MQM) summed over a segment; perWord is
 * the least-squares scale that makes it match the experts' MQM on the training items (calibration), the
 * rest is the grid point with the best objective on them.
 */
export function fitWeights(items: readonly EvalItem[]): { weights: ScoreWeights; train: Agreement } {
  let best: { weights: ScoreWeights; train: Agreement; value: number } | undefined;
  for (const c of candidates()) {
    const base: ScoreWeights = {
      chrf: c.mix[0], bertRecall: c.mix[1], similarity: c.mix[2], refExposure: c.refExposure, perWord: 1, flagWeight: c.flagRatio,
    };
    let num = 0;
    let den = 0;
    for (const it of items) {
      let e = it.unmatchedWords;
      for (const f of it.sentences) e += exposure(f, base) * deviation(f, base) + c.flagRatio * f.mqm;
      num += e * it.mqm;
      den += e * e;
    }
    const perWord = den > 0 ? num / den : 0;
    const weights = { ...base, perWord, flagWeight: perWord * c.flagRatio };
    const train = agreement(scoredRows(items, (it) => segmentScore(it, weights)));
    const value = objective(train);
    if (!best || value > best.value) best = { weights, train, value };
  }
  return { weights: best!.weights, train: best!.train };
}
