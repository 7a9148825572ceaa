import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Flag } from '../core/types.js';
import { inputError } from '../core/errors.js';
import { writeFileAtomic } from '../io/write.js';

export type DecisionStatus = 'accepted' | 'dismissed';

export interface Decision {
  status: DecisionStatus;
  /** The reviewer's own fix, when they edited the suggestion. */
  suggestion?: string;
  comment?: string;
  /** ISO time of the last change. */
  at: string;
}

/**
 * The review file: plain JSON next to the MT file, read by review, report and score. Decisions are keyed by
 * the flag's span and category, which stay the same as long as the MT text does (checked by its hash).
 */
export interface ReviewFile {
  version: 1;
  mt: string;
  /** sha256 of the MT text the decisions refer to. */
  mtSha256: string;
  /** Where the reviewer stopped: sentence index and flag key. */
  position: { sentence: number; flag?: string };
  decisions: Record<string, Decision>;
}

export function flagKey(flag: Pick<Flag, 'start' | 'end' | 'category'>): string {
  return `${flag.start}-${flag.end}:${flag.category}`;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Default location: `<mt dir>/<mt name>.review.json`. */
export function defaultReviewPath(mtPath: string): string {
  return join(dirname(mtPath), `${basename(mtPath)}.review.json`);
}

export function emptyReview(mtPath: string, mtText: string): ReviewFile {
  return { version: 1, mt: mtPath, mtSha256: textHash(mtText), position: { sentence: 0 }, decisions: {} };
}

/**
 * Loads a review file if it exists. A file made for a different MT text is refused rather than silently
 * applied to the wrong spans.
 */
export function loadReview(path: string, mtPath: string, mtText: string): ReviewFile {
  if (!existsSync(path)) return emptyReview(mtPath, mtText);
  let data: ReviewFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as ReviewFile;
  } catch {
    throw inputError(`${path}: review file is not valid JSON`);
  }
  if (data?.version !== 1 || typeof data.decisions !== 'object' || data.decisions === null) {
    throw inputError(`${path}: not an mtdiff review file (version 1)`);
  }
  if (data.mtSha256 !== textHash(mtText)) {
    throw inputError(`${path}: review file was made for a different version of ${mtPath} (move it away to start over)`);
  }
  return { ...data, position: data.position ?? { sentence: 0 } };
}

export function saveReview(path: string, review: ReviewFile): void {
  writeFileAtomic(path, `${JSON.stringify(review, null, 2)}\n`);
}

export function decisionFor(review: ReviewFile | undefined, flag: Flag): Decision | undefined {
  return review?.decisions[flagKey(flag)];
}
