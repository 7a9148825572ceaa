import { existsSync } from 'node:fs';
import type { Analysis } from '../core/types.js';
import { attachReview } from './attach.js';
import { defaultReviewPath, loadReview, type ReviewFile } from './file.js';
import { reviewNumbers, type QualityNumbers } from './numbers.js';

/**
 * The review file next to an MT file (`<mt>.review.json`), placed in the analysed text; a broken or foreign
 * one is a warning, not a lost result.
 */
export function reviewNextTo(mtPath: string, mtLabel: string, mtText: string, analysis: Analysis, warnings: string[], what = 'report written'): ReviewFile | undefined {
  const path = defaultReviewPath(mtPath);
  if (!existsSync(path)) return undefined;
  try {
    return attachReview(loadReview(path, mtLabel, mtText), analysis, mtText).review;
  } catch (err) {
    warnings.push(`${mtLabel}: ${what} without review decisions (${(err as Error).message})`);
    return undefined;
  }
}

/** What a `score` record carries about the review: the numbers after review and how much was reviewed. */
export interface RecordReview extends QualityNumbers {
  reviewedShare: number;
  decided: number;
  added: number;
}

export function recordReview(analysis: Analysis, review: ReviewFile): RecordReview {
  const n = reviewNumbers(analysis, review);
  return { ...n.afterReview, reviewedShare: Math.round(n.reviewedShare * 1000) / 1000, decided: n.flags - n.open, added: n.added };
}
