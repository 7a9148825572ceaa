import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Category, Flag, Severity } from '../core/types.js';
import { inputError, outputError } from '../core/errors.js';
import { writeFileAtomic } from '../io/write.js';
import { fingerprint, sameArticle } from './fingerprint.js';

export type DecisionStatus = 'accepted' | 'dismissed';

export interface Decision {
  status: DecisionStatus;
  /** The reviewer's severity and category, when they changed mtdiff's. */
  severity?: Severity;
  category?: Category;
  /** The reviewer's own fix, when they edited the suggestion. */
  suggestion?: string;
  comment?: string;
  /** ISO time of the last change. */
  at: string;
  /** Where the decision belongs, so it finds its flag again after the MT is edited (see attach.ts). */
  anchor?: Anchor;
}

/** A span by its text and a little of what surrounds it: what survives a post-edit elsewhere in the article. */
export interface Anchor {
  text: string;
  before: string;
  after: string;
}

/** An error the reviewer marked that mtdiff did not flag; its fix and comment live in `decisions['added:<id>']`. */
export interface AddedError {
  id: string;
  start: number;
  end: number;
  category: Category;
  severity: Severity;
  anchor: Anchor;
  at: string;
}

export type SentenceStatus = 'ok' | 'rewrite';

/** A whole sentence checked by the reviewer: fine as it is, or in need of a rewrite. */
export interface SentenceMark {
  status: SentenceStatus;
  /** The sentence's text when marked, to find it again after edits. */
  text: string;
  at: string;
}

/** Something the file holds that the current MT text has no place for; kept so that nothing is ever dropped. */
export type Unplaced =
  | { kind: 'decision'; key: string; decision: Decision }
  | { kind: 'added'; error: AddedError; decision?: Decision }
  | { kind: 'mark'; key: string; mark: SentenceMark };

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
  /** Errors the reviewer added, in the order added. */
  added?: AddedError[];
  /** Sentence marks by sentence index (as a string: JSON keys). */
  marks?: Record<string, SentenceMark>;
  /** Items of an earlier version of the MT that could not be placed in this one. */
  unplaced?: Unplaced[];
  /** Bottom-k hashes of the MT's word trigrams: tells an edited version of the article from another article. */
  fingerprint?: number[];
}

/** What the numbers are computed from: the decisions, added errors and marks of a review. */
export type ReviewDecisions = Pick<ReviewFile, 'decisions' | 'added' | 'marks'>;

export const ADDED_PREFIX = 'added:';
export const addedKey = (id: string): string => `${ADDED_PREFIX}${id}`;

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
  return { version: 1, mt: mtPath, mtSha256: textHash(mtText), position: { sentence: 0 }, decisions: {}, fingerprint: fingerprint(mtText) };
}

/**
 * Loads a review file if it exists. A file made for an edited version of the MT text is loaded (attach.ts
 * places its decisions again once the analysis is known); a file made for another article is refused.
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
  if (data.mtSha256 !== textHash(mtText) && !sameArticle(data, mtText)) {
    throw inputError(`${path}: review file was made for another article (${data.mt}), not ${mtPath}; move it away or give --review-file`);
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
