import { DEVIATIONS, type DeviationName } from '../score/deviations.js';
import type { SentenceFeatures } from '../score/features.js';
import { documentScore, exposure, omittedMqm, penaltyScore, qualityScore, type ScoreWeights } from '../score/sentence.js';
import { agreement, type Agreement, type Scored } from './agreement.js';
import type { EvalItem } from './collect.js';

/** What a segment's score is built from: its sentences and the reference words nothing in it matched. */
export interface ScorableItem {
  sentences: readonly (Pick<SentenceFeatures, 'deviations' | 'mqm' | 'words' | 'refWords'> & Partial<Pick<SentenceFeatures, 'flagExpected'>>)[];
  unmatchedWords: number;
}

/** A segment's score as `check --mode parallel` reports it for that segment: word-weighted mean of sentence scores. */
export function segmentScore(item: ScorableItem, w: ScoreWeights): number {
  const parts = item.sentences.map((f) => ({ score: qualityScore(f, w), words: f.words }));
  if (item.unmatchedWords > 0) parts.push({ score: penaltyScore(omittedMqm(item.unmatchedWords, w)), words: item.unmatchedWords });
  return documentScore(parts);
}

export function scoredRows(items: readonly EvalItem[], score: (item: EvalItem) => number): Scored[] {
  return items.map((it) => ({ system: it.segment.system, item: `${it.segment.doc}\t${it.segment.segId}`, mqm: it.mqm, score: score(it) }));
}

/** The score's inputs a fit weighs: every deviation, then mtdiff's own flag MQM. */
export const FIT_FEATURES = [...DEVIATIONS, 'flags', 'flagsExpected'] as const;
const FLAGS = DEVIATIONS.length;

/** Exposure is the reference's length (refExposure 1): within a pair both sides share the reference, so it cancels. */
const REF_EXPOSURE = 1;

/**
 * A segment as one vector: each deviation's exposure-weighted sum (reference words left unmatched count as full
 * deviation) and the flag MQM, per word of exposure. Linear in the weights: the expected MQM of the segment is
 * perWord * exposure * (mix . x) + flagWeight * flags + expectedFlagWeight * confidence-weighted flags.
 */
export function itemVector(item: ScorableItem): { x: Float64Array; exposure: number } {
  const x = new Float64Array(FIT_FEATURES.length);
  let total = item.unmatchedWords;
  for (const s of item.sentences) {
    const e = exposure(s, { refExposure: REF_EXPOSURE });
    total += e;
    DEVIATIONS.forEach((d, k) => (x[k] = x[k]! + e * Math.min(1, Math.max(0, s.deviations[d]))));
    x[FLAGS] = x[FLAGS]! + s.mqm;
    x[FLAGS + 1] = x[FLAGS + 1]! + (s.flagExpected ?? 0);
  }
  for (let k = 0; k < DEVIATIONS.length; k++) x[k] = x[k]! + item.unmatchedWords;
  if (total > 0) for (let k = 0; k < x.length; k++) x[k] = x[k]! / total;
  return { x, exposure: total };
}

/** `worse` should get the higher expected MQM than `better`; `weight` is its share of the loss. */
export interface RankPair {
  x: Float64Array;
  weight: number;
}

export function rankPair(better: ScorableItem, worse: ScorableItem, weight: number): RankPair {
  const a = itemVector(better).x;
  const b = itemVector(worse).x;
  return { x: b.map((v, k) => v - a[k]!), weight };
}

export interface PairwiseOptions {
  /** L2 penalty on the standardised weights. */
  l2: number;
  iterations: number;
  /** Features held at 0 (e.g. the flags, to score without them). */
  exclude?: readonly string[];
}

export const PAIRWISE_DEFAULTS: PairwiseOptions = { l2: 1e-3, iterations: 3000 };

const softplus = (z: number) => (z > 30 ? z : z < -30 ? 0 : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression on pairwise differences without intercept, P(ranked right) = sigmoid(w . x), weights held
 * non-negative (a worse deviation never raises the score), by projected accelerated gradient (FISTA) on
 * features scaled to unit root-mean-square. Returns weights in the original units.
 */
export function fitPairwise(pairs: readonly RankPair[], options: PairwiseOptions = PAIRWISE_DEFAULTS): Float64Array {
  const dims = FIT_FEATURES.length;
  const totalWeight = pairs.reduce((s, p) => s + p.weight, 0) || 1;
  const scale = new Float64Array(dims);
  for (const p of pairs) for (let k = 0; k < dims; k++) scale[k] = scale[k]! + (p.weight * p.x[k]! * p.x[k]!) / totalWeight;
  const off = new Set(options.exclude ?? []);
  for (let k = 0; k < dims; k++) scale[k] = off.has(FIT_FEATURES[k]!) || scale[k]! === 0 ? 0 : Math.sqrt(scale[k]!);
  // One flat matrix: this loop is the whole cost of a fit.
  const n = pairs.length;
  const z = new Float64Array(n * dims);
  const a = new Float64Array(n);
  pairs.forEach((p, i) => {
    a[i] = p.weight / totalWeight;
    for (let k = 0; k < dims; k++) z[i * dims + k] = scale[k] ? p.x[k]! / scale[k]! : 0;
  });
  const lipschitz = 0.25 * scale.reduce((c, s) => c + (s ? 1 : 0), 0) + 2 * options.l2;
  const step = 1 / lipschitz;
  let w = new Float64Array(dims);
  let y = new Float64Array(dims);
  let t = 1;
  const grad = new Float64Array(dims);
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * dims;
      let m = 0;
      for (let k = 0; k < dims; k++) m += y[k]! * z[o + k]!;
      const g = -a[i]! * sigmoid(-m);
      for (let k = 0; k < dims; k++) grad[k] = grad[k]! + g * z[o + k]!;
    }
    const next = new Float64Array(dims);
    let moved = 0;
    for (let k = 0; k < dims; k++) {
      next[k] = scale[k] ? Math.max(0, y[k]! - step * (grad[k]! + 2 * options.l2 * y[k]!)) : 0;
      moved = Math.max(moved, Math.abs(next[k]! - w[k]!));
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    y = next.map((v, k) => Math.max(0, v + ((t - 1) / tNext) * (v - w[k]!)));
    w = next;
    t = tNext;
    if (moved < 1e-7) break;
  }
  return w.map((v, k) => (scale[k] ? v / scale[k]! : 0));
}

/** Temperatures tried for the second group of pairs (its logit is t * w . x). */
const TEMPERATURES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

/**
 * Two sources of pairs that share the ranking direction w but not its sharpness: minimal pairs are nearly
 * separable, expert MQM pairs are noisy (a pair is ranked right a little more often than not). One logistic
 * fit over both would shrink w to suit the noisy pairs and then rank the clean ones by averages; so the noisy
 * group gets its own temperature t (logit t * w . x), chosen with w by maximum likelihood over a grid.
 */
export function fitTwoSources(
  sharp: readonly RankPair[],
  noisy: readonly RankPair[],
  options: PairwiseOptions = PAIRWISE_DEFAULTS,
): { w: Float64Array; temperature: number; loss: number } {
  let best: { w: Float64Array; temperature: number; loss: number } | undefined;
  for (const t of noisy.length ? TEMPERATURES : [1]) {
    const scaled = noisy.map((p) => ({ x: p.x.map((v) => v * t), weight: p.weight }));
    const all = [...sharp, ...scaled];
    const w = fitPairwise(all, options);
    const loss = pairLoss(all, w) * all.reduce((n, p) => n + p.weight, 0);
    if (!best || loss < best.loss) best = { w, temperature: t, loss };
  }
  return best!;
}

/** Mean logistic loss of weights on pairs (for tests and reports). */
export function pairLoss(pairs: readonly RankPair[], w: Float64Array): number {
  const total = pairs.reduce((s, p) => s + p.weight, 0) || 1;
  return pairs.reduce((s, p) => s + (p.weight * softplus(-p.x.reduce((m, v, k) => m + v * w[k]!, 0))) / total, 0);
}

/**
 * Turns fitted pair weights into score weights: the deviation weights normalised to a mix that sums to 1, the
 * flag weight relative to it, and perWord, the least-squares scale that makes the expected MQM match the
 * experts' on `calibrate` (MQM-annotated segments).
 */
export function toScoreWeights(w: Float64Array, calibrate: readonly { item: ScorableItem; mqm: number }[]): ScoreWeights {
  const dev = DEVIATIONS.reduce((s, _, k) => s + w[k]!, 0);
  const mix: Partial<Record<DeviationName, number>> = {};
  DEVIATIONS.forEach((d, k) => {
    if (dev > 0 && w[k]! > 0) mix[d] = w[k]! / dev;
  });
  if (dev === 0) mix.chrf = 1;
  const flagRatio = dev > 0 ? w[FLAGS]! / dev : 0;
  const expectedRatio = dev > 0 ? w[FLAGS + 1]! / dev : 0;
  let num = 0;
  let den = 0;
  for (const { item, mqm } of calibrate) {
    const { x, exposure: e } = itemVector(item);
    let d = 0;
    DEVIATIONS.forEach((name, k) => (d += (mix[name] ?? 0) * x[k]!));
    const predicted = e * (d + flagRatio * x[FLAGS]! + expectedRatio * x[FLAGS + 1]!);
    num += predicted * mqm;
    den += predicted * predicted;
  }
  const perWord = den > 0 ? num / den : 0;
  return { mix, refExposure: REF_EXPOSURE, perWord, flagWeight: perWord * flagRatio, expectedFlagWeight: perWord * expectedRatio };
}

/** Every pair of systems on the same segment that the experts rank apart: the lower MQM is the better. */
export function mqmPairs(items: readonly EvalItem[], totalWeight = 1): RankPair[] {
  const bySegment = new Map<string, EvalItem[]>();
  for (const it of items) {
    const k = `${it.segment.doc}\t${it.segment.segId}`;
    bySegment.set(k, [...(bySegment.get(k) ?? []), it]);
  }
  const raw: [EvalItem, EvalItem][] = [];
  for (const group of bySegment.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (a.mqm !== b.mqm) raw.push(a.mqm < b.mqm ? [a, b] : [b, a]);
      }
    }
  }
  return raw.map(([better, worse]) => rankPair(better, worse, totalWeight / (raw.length || 1)));
}

/** The flag terms: the shipped score leaves them out (held out they added nothing; BENCHMARKS.md). */
export const FLAG_FEATURES = ['flags', 'flagsExpected'] as const;

/** Weights from MQM segments alone (what `mtdiff eval mqm` refits per talk), without the flags as shipped. */
export function fitWeights(items: readonly EvalItem[], options: PairwiseOptions = { ...PAIRWISE_DEFAULTS, exclude: FLAG_FEATURES }): { weights: ScoreWeights; train: Agreement } {
  const w = fitPairwise(mqmPairs(items), options);
  const weights = toScoreWeights(w, items.map((it) => ({ item: it, mqm: it.mqm })));
  return { weights, train: agreement(scoredRows(items, (it) => segmentScore(it, weights))) };
}
