/**
 * The corrected article: the MT text with the fixes applied that an editor can trust without looking,
 * namely those a reviewer accepted (with the reviewer's own wording when edited) and, where nobody has
 * decided yet, those the calibrated confidence puts at or above CORRECTION_CONFIDENCE. Dismissed flags and
 * flags without a fix are left alone. Pure.
 */
import type { Flag } from '../core/types.js';
import { decisionFor, type ReviewFile } from '../review/file.js';

/**
 * Confidence estimates the chance that a reviewer confirms the flag (README, "Confidence"). A fix applied
 * unseen should be right at least four times in five: the precision the default threshold aims for on
 * shown flags, here asked of each single flag. A presentation choice, not fitted to any article.
 */
export const CORRECTION_CONFIDENCE = 0.8;

export interface Correction {
  flag: Flag;
  replacement: string;
  why: 'accepted' | 'confident';
}

export function corrections(flags: readonly Flag[], review?: ReviewFile, minConfidence = CORRECTION_CONFIDENCE): Correction[] {
  const out: Correction[] = [];
  for (const flag of [...flags].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const decision = decisionFor(review, flag);
    if (decision?.status === 'dismissed') continue;
    const replacement = decision?.suggestion ?? flag.suggestion;
    if (replacement === undefined) continue;
    if (decision?.status !== 'accepted' && flag.confidence < minConfidence) continue;
    // two fixes for overlapping text cannot both apply: the first in reading order stands
    const last = out.at(-1);
    if (last && flag.start < last.flag.end) continue;
    out.push({ flag, replacement, why: decision?.status === 'accepted' ? 'accepted' : 'confident' });
  }
  return out;
}

/** `text` (the MT exactly as read: flag offsets index it) with the corrections applied. */
export function applyCorrections(text: string, list: readonly Correction[]): string {
  let out = '';
  let at = 0;
  for (const c of list) {
    out += text.slice(at, c.flag.start) + c.replacement;
    at = c.flag.end;
  }
  return out + text.slice(at);
}

export function correctedArticle(text: string, flags: readonly Flag[], review?: ReviewFile): { text: string; applied: Correction[] } {
  const applied = corrections(flags, review);
  return { text: applyCorrections(text, applied), applied };
}
