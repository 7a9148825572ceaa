import type { Flag } from '../core/types.js';
import { MQM_WEIGHTS } from '../config.js';

export function flagPenalty(flag: Pick<Flag, 'severity' | 'category'>): number {
  if (flag.severity === 'minor' && flag.category === 'punctuation') return MQM_WEIGHTS.minorPunctuation;
  return MQM_WEIGHTS[flag.severity];
}

export function mqmPenalty(flags: readonly Pick<Flag, 'severity' | 'category'>[]): number {
  return round(flags.reduce((sum, f) => sum + flagPenalty(f), 0));
}

export function round(x: number, digits = 4): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/** MQM penalty weighted by each flag's confidence: the flags' expected penalty if the confidences are calibrated. */
export function expectedPenalty(flags: readonly Pick<Flag, 'severity' | 'category' | 'confidence'>[]): number {
  return round(flags.reduce((sum, f) => sum + f.confidence * flagPenalty(f), 0));
}
