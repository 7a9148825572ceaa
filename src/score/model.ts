import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AlignMode } from '../core/types.js';
import { DEVIATIONS } from './deviations.js';
import type { ScoreWeights } from './sentence.js';

/** The score's parameters per references mode, with where they came from (models/score.json). */
export interface ScoreModel {
  /** Bumped at every refit; appears in the signature as `score:N` (0: the built-in prior below). */
  version: number;
  provenance: string;
  /** What refits the file. */
  command: string;
  parallel: ScoreWeights;
  comparable: ScoreWeights;
}

export const SCORE_FILE = fileURLToPath(new URL('../../models/score.json', import.meta.url));

/**
 * Without the file: session 3's parallel weights (chrF and BERTScore recall, fitted on the MQM talks alone) and
 * the comparable prior. Comparable references are other articles on the story, where lexical overlap says
 * little: the deviation is semantic (half BERTScore recall, half sentence cosine), exposure is the MT sentence's
 * own length, and mtdiff's flags are the only direct evidence of error (each flagged MQM point counts as one
 * expected point). No annotated comparable data exists to fit it.
 */
export const PRIOR: ScoreModel = {
  version: 0,
  provenance: 'built-in prior (models/score.json missing or unreadable)',
  command: 'npm run fit:score',
  parallel: { mix: { chrf: 0.8, bertR: 0.2 }, refExposure: 1, perWord: 0.2914, flagWeight: 0.0728 },
  comparable: { mix: { bertR: 0.5, similarity: 0.5 }, refExposure: 0, perWord: 0.2914, flagWeight: 1 },
};

function valid(w: unknown): w is ScoreWeights {
  if (!w || typeof w !== 'object') return false;
  const x = w as ScoreWeights;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!x.mix || typeof x.mix !== 'object') return false;
  const keys = Object.keys(x.mix);
  return keys.every((k) => (DEVIATIONS as readonly string[]).includes(k) && finite(x.mix[k as keyof typeof x.mix]))
    && finite(x.refExposure) && x.refExposure <= 1 && finite(x.perWord) && finite(x.flagWeight)
    && (x.expectedFlagWeight === undefined || finite(x.expectedFlagWeight));
}

let cached: ScoreModel | undefined;

/** The shipped model; a missing or malformed file gives the prior (like models/calibration.json). */
export function loadScoreModel(path = SCORE_FILE): ScoreModel {
  if (path === SCORE_FILE && cached) return cached;
  let model = PRIOR;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ScoreModel;
    if (Number.isInteger(parsed.version) && valid(parsed.parallel) && valid(parsed.comparable)) model = parsed;
  } catch {
    // keep the prior
  }
  if (path === SCORE_FILE) cached = model;
  return model;
}

export function weightsFor(model: ScoreModel, mode: AlignMode): ScoreWeights {
  return mode === 'parallel' ? model.parallel : model.comparable;
}
