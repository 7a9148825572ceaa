import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AlignedSentence, AlignMode, Flag } from '../core/types.js';
import type { Features, RawFlag } from './types.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';

/**
 * One logistic model per detector and references mode, fitted on annotated flags (`npm run calibrate`):
 * confidence = sigmoid(bias + sum of weight * (feature - mean) / scale). The file records its provenance.
 */
export interface DetectorCalibration {
  bias: number;
  weights: Record<string, number>;
  mean: Record<string, number>;
  scale: Record<string, number>;
  /** Annotated flags it was fitted on, and how many were real errors. */
  n: number;
  positives: number;
}

export interface Calibration {
  version: number;
  provenance: string;
  command: string;
  /** Default for --min-confidence per references mode: chosen held out for >= 4 real errors in 5 shown flags. */
  minConfidence: Record<AlignMode, number>;
  /**
   * Per mode, a Platt step over the detectors' models fitted on out-of-group predictions (another source
   * language, another article): confidence = sigmoid(a * logit(p) + b). In-sample fits are over-confident.
   */
  platt?: Partial<Record<AlignMode, { a: number; b: number }>>;
  detectors: Record<string, DetectorCalibration>;
}

export const CALIBRATION_FILE = fileURLToPath(new URL('../../models/calibration.json', import.meta.url));

let cached: Calibration | undefined;

/** No fitted models and no threshold: every detector's own prior stands (detector tests, benchmarks of priors). */
export const NO_CALIBRATION: Calibration = { version: 0, provenance: 'none', command: '', minConfidence: { comparable: 0, parallel: 0 }, detectors: {} };

/** The shipped calibration (models/calibration.json); a missing file leaves every detector's prior in place. */
export function loadCalibration(path = CALIBRATION_FILE): Calibration {
  if (path === CALIBRATION_FILE && cached) return cached;
  let parsed: Calibration;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Calibration;
  } catch {
    parsed = NO_CALIBRATION;
  }
  if (path === CALIBRATION_FILE) cached = parsed;
  return parsed;
}

const logit = (p: number) => Math.log(Math.max(1e-4, Math.min(1 - 1e-4, p)) / (1 - Math.max(1e-4, Math.min(1 - 1e-4, p))));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The sentence a span lies in, by binary search over the (ordered) sentences. */
function sentenceOf(aligned: readonly AlignedSentence[], start: number): AlignedSentence | undefined {
  let lo = 0;
  let hi = aligned.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = aligned[mid]!;
    if (start < s.start) hi = mid - 1;
    else if (start > s.end) lo = mid + 1;
    else return s;
  }
  return aligned[Math.max(0, Math.min(aligned.length - 1, hi))];
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/**
 * Share of the three words either side of the span that the aligned reference sentences also use. Where the rest
 * of the sentence says what the reference says, a word that differs is an error more often than a paraphrase.
 */
export function contextAgreement(flag: Pick<RawFlag, 'start' | 'end'>, s: AlignedSentence | undefined): number {
  if (!s) return 0;
  const ref = new Set(s.matches.filter((m) => m.similarity >= DEFAULT_SETTINGS.align.supportThreshold).flatMap((m) => wordsOf(m.text)));
  if (ref.size === 0) return 0;
  const near = [...wordsOf(s.text.slice(0, Math.max(0, flag.start - s.start))).slice(-3), ...wordsOf(s.text.slice(Math.max(0, flag.end - s.start))).slice(0, 3)];
  return near.length ? near.filter((w) => ref.has(w)).length / near.length : 0;
}

/**
 * The features every flag has, whatever its detector: its prior (as a logit), the aligned sentence's
 * similarity, how many references the evidence cites, the span's length in words, whether a fix is offered, how
 * much of its context the reference shares;
 * then what the detector itself reported.
 */
export function flagFeatures(flag: RawFlag, aligned: readonly AlignedSentence[]): Features {
  const s = sentenceOf(aligned, flag.start);
  return {
    prior: logit(flag.confidence),
    sim: s?.similarity ?? 0,
    refs: new Set(flag.evidence.map((e) => e.ref)).size,
    words: Math.log1p((flag.text.match(/[\p{L}\p{N}]+/gu) ?? []).length),
    fix: flag.suggestion ? 1 : 0,
    context: contextAgreement(flag, s),
    ...flag.features,
  };
}

export function calibrationKey(mode: AlignMode, detector: string): string {
  return `${mode}:${detector}`;
}

export function predict(model: DetectorCalibration, features: Features): number {
  let z = model.bias;
  for (const [name, w] of Object.entries(model.weights)) {
    const x = features[name] ?? model.mean[name] ?? 0;
    // Far outside the fitting data a linear term says nothing reliable: clip at four standard deviations.
    z += w * Math.max(-4, Math.min(4, (x - (model.mean[name] ?? 0)) / (model.scale[name] || 1)));
  }
  return sigmoid(z);
}

/**
 * The one step that turns a detector's evidence into a confidence: each raw flag gets the probability, fitted
 * on annotated data, that a reviewer confirms a flag with its features. A detector without a fitted model keeps
 * its prior. The features stay on the flag so the ranking step and the benchmarks can see them.
 */
export function calibrate(raw: readonly RawFlag[], aligned: readonly AlignedSentence[], mode: AlignMode, calibration = loadCalibration()): RawFlag[] {
  return raw.map((flag) => {
    const features = flagFeatures(flag, aligned);
    const model = calibration.detectors[calibrationKey(mode, flag.detector)];
    const platt = calibration.platt?.[mode];
    const p = model ? predict(model, features) : flag.confidence;
    return { ...flag, features, confidence: model && platt ? sigmoid(platt.a * logit(p) + platt.b) : p };
  });
}

/** Shown flags reach the threshold; the rest are hints behind --all-flags (still counted). */
export function splitByConfidence(flags: readonly Flag[], minConfidence: number): { shown: Flag[]; hidden: Flag[] } {
  const shown: Flag[] = [];
  const hidden: Flag[] = [];
  for (const f of flags) (f.confidence >= minConfidence ? shown : hidden).push(f);
  return { shown, hidden };
}
