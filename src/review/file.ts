import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Flag } from '../core/types.js';
import { inputError, outputError } from '../core/errors.js';
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
  if (!existsSync(path)) {
    known.set(path, undefined);
    return emptyReview(mtPath, mtText);
  }
  let data: ReviewFile;
  try {
    const bytes = readFileSync(path);
    known.set(path, stampOf(path, bytes));
    data = JSON.parse(bytes.toString('utf8')) as ReviewFile;
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

/** What the file was when this process last read or wrote it. */
interface Stamp {
  mtimeMs: number;
  size: number;
  sha256: string;
}

/** Per path, the version this process knows; a path never loaded is not guarded (tests, exports). */
const known = new Map<string, Stamp | undefined>();
let failedSaves = 0;

function stampOf(path: string, bytes: Buffer): Stamp {
  const st = statSync(path);
  return { mtimeMs: st.mtimeMs, size: st.size, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Another reviewer (or editor) changed the file since we read it: same mtime and size, or else the same bytes. */
function changedSince(path: string, stamp: Stamp | undefined): boolean {
  if (!existsSync(path)) return stamp !== undefined;
  if (stamp === undefined) return true;
  const st = statSync(path);
  if (st.mtimeMs === stamp.mtimeMs && st.size === stamp.size) return false;
  return createHash('sha256').update(readFileSync(path)).digest('hex') !== stamp.sha256;
}

/**
 * Saves atomically, refusing to overwrite a version someone else wrote since this process loaded or last
 * saved the file (their decisions would be lost without a trace). Every failure throws and is counted, so
 * the command can exit non-zero when it ends.
 */
export function saveReview(path: string, review: ReviewFile): void {
  try {
    if (known.has(path) && changedSince(path, known.get(path))) {
      throw outputError(`${path} was changed by someone else since it was loaded; not overwritten (reopen the review to see both)`);
    }
    const text = `${JSON.stringify(review, null, 2)}\n`;
    writeFileAtomic(path, text);
    if (known.has(path)) known.set(path, stampOf(path, Buffer.from(text)));
  } catch (err) {
    failedSaves++;
    throw err;
  }
}

/** How many saves failed in this process: `review` exits 5 when any did. */
export function failedReviewSaves(): number {
  return failedSaves;
}

export function decisionFor(review: ReviewFile | undefined, flag: Flag): Decision | undefined {
  return review?.decisions[flagKey(flag)];
}
