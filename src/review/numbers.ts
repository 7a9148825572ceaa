import { SEVERITIES, type Analysis, type Severity } from '../core/types.js';
import { mqmPenalty, round } from '../score/mqm.js';
import { flagKey, type ReviewDecisions } from './file.js';
import { reviewedErrors, type ReviewedError } from './errors.js';

export interface QualityNumbers {
  mqm: number;
  mqmPer100: number;
  counts: Record<Severity, number>;
  /** "Needs revision: 0 critical, 13 major, 22 minor", the same words as `check` and the report. */
  verdict: string;
}

export interface ReviewNumbers {
  mtdiff: QualityNumbers;
  afterReview: QualityNumbers;
  flags: number;
  accepted: number;
  dismissed: number;
  open: number;
  added: number;
  /** Sentences marked "needs rewrite" / OK. */
  rewrite: number;
  ok: number;
  /** Sentences the reviewer has been through: marked, or every flag in them decided (and at least one flag or added error). */
  reviewedSentences: number;
  sentences: number;
  /** reviewedSentences / sentences, 0-1. */
  reviewedShare: number;
}

export function verdictOf(counts: Record<Severity, number>): string {
  const worst = SEVERITIES.find((s) => counts[s] > 0);
  const label = worst === 'critical' || worst === 'major' ? 'Needs revision' : worst === 'minor' ? 'Minor issues' : 'No issues found';
  return `${label}: ${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}`;
}

function quality(errors: readonly Pick<ReviewedError, 'severity' | 'category'>[], words: number): QualityNumbers {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  for (const e of errors) counts[e.severity]++;
  const mqm = mqmPenalty(errors);
  return { mqm, mqmPer100: words > 0 ? round((mqm * 100) / words) : 0, counts, verdict: verdictOf(counts) };
}

/**
 * A sentence marked "needs rewrite" is at least one major error (MQM: the meaning is not conveyed); when the
 * reviewer already counted a major or critical error in it, the mark adds nothing.
 */
function rewriteErrors(review: ReviewDecisions | undefined, errors: readonly ReviewedError[]): Pick<ReviewedError, 'severity' | 'category'>[] {
  const out: Pick<ReviewedError, 'severity' | 'category'>[] = [];
  for (const [key, mark] of Object.entries(review?.marks ?? {})) {
    if (mark.status !== 'rewrite') continue;
    const index = Number(key);
    const serious = errors.some((e) => e.sentence === index && (e.severity === 'major' || e.severity === 'critical'));
    if (!serious) out.push({ severity: 'major', category: 'mistranslation' });
  }
  return out;
}

/**
 * mtdiff's numbers and the numbers after review, side by side. After review: accepted flags and added errors
 * count with the reviewer's severity, dismissed flags do not, flags not yet decided count as mtdiff said.
 */
export function reviewNumbers(analysis: Analysis, review: ReviewDecisions | undefined, text?: string): ReviewNumbers {
  const flagQuality = quality(analysis.flags, analysis.words);
  const mtdiff: QualityNumbers = { ...flagQuality, mqm: analysis.mqm, mqmPer100: analysis.mqmPer100 };
  const errors = reviewedErrors(analysis, review, text);
  const afterReview = quality([...errors, ...rewriteErrors(review, errors)], analysis.words);
  const statuses = analysis.flags.map((f) => review?.decisions[flagKey(f)]?.status);
  const marks = Object.entries(review?.marks ?? {});
  const reviewed = analysis.sentences.filter((s) => {
    if (review?.marks?.[String(s.index)]) return true;
    const flags = analysis.flags.filter((f) => f.sentence === s.index);
    const hasAdded = errors.some((e) => e.origin === 'reviewer' && e.sentence === s.index);
    return (flags.length > 0 || hasAdded) && flags.every((f) => review?.decisions[flagKey(f)] !== undefined);
  }).length;
  const sentences = analysis.sentences.length;
  return {
    mtdiff,
    afterReview,
    flags: analysis.flags.length,
    accepted: statuses.filter((s) => s === 'accepted').length,
    dismissed: statuses.filter((s) => s === 'dismissed').length,
    open: statuses.filter((s) => s === undefined).length,
    added: review?.added?.length ?? 0,
    rewrite: marks.filter(([, m]) => m.status === 'rewrite').length,
    ok: marks.filter(([, m]) => m.status === 'ok').length,
    reviewedSentences: reviewed,
    sentences,
    reviewedShare: sentences > 0 ? reviewed / sentences : 0,
  };
}
