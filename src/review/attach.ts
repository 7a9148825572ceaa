import type { Analysis } from '../core/types.js';
import { anchorAt } from './errors.js';
import { fingerprint } from './fingerprint.js';
import { ADDED_PREFIX, addedKey, flagKey, textHash, type AddedError, type Anchor, type Decision, type ReviewFile, type SentenceMark, type Unplaced } from './file.js';

/** Context characters that must agree around a span found more than once before it counts as the same place. */
const MIN_CONTEXT = 4;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where an anchored span is in a (possibly edited) text: the occurrence of its text whose surroundings agree
 * best with the anchor's, the one nearest the old offset on a tie. A text found more than once needs some
 * agreeing context; one found once is taken.
 */
export function locate(anchor: Anchor, text: string, near: number): { start: number; end: number } | undefined {
  if (anchor.text === '') return undefined;
  const hits: { start: number; score: number }[] = [];
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    const score = commonSuffix(anchor.before, text.slice(Math.max(0, at - anchor.before.length), at)) + commonPrefix(anchor.after, text.slice(at + anchor.text.length, at + anchor.text.length + anchor.after.length));
    hits.push({ start: at, score });
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => b.score - a.score || Math.abs(a.start - near) - Math.abs(b.start - near));
  const best = hits[0]!;
  if (hits.length > 1 && best.score < MIN_CONTEXT) return undefined;
  return { start: best.start, end: best.start + anchor.text.length };
}

export interface Attached {
  review: ReviewFile;
  /** Everything that did not find a place (also kept in `review.unplaced`). */
  unplaced: Unplaced[];
  /** How many items moved to a new place. */
  moved: number;
}

function keyParts(key: string): { start: number; category: string } {
  const m = /^(\d+)-\d+:(.+)$/.exec(key);
  return { start: m ? Number(m[1]) : 0, category: m ? m[2]! : '' };
}

/**
 * Places a review file's decisions, added errors and sentence marks in the current MT text. Unchanged text:
 * nothing moves. Edited text: each item is found again by its text and context; what cannot be placed goes to
 * `unplaced` (and stays in the file), and items left unplaced earlier get another chance.
 */
export function attachReview(review: ReviewFile, analysis: Analysis, text: string): Attached {
  if (review.mtSha256 === textHash(text)) {
    return { review: { ...review, fingerprint: review.fingerprint ?? fingerprint(text) }, unplaced: review.unplaced ?? [], moved: 0 };
  }
  const byPlace = new Map(analysis.flags.map((f) => [`${f.start}-${f.end}:${f.category}`, f]));
  const decisions: Record<string, Decision> = {};
  const added: AddedError[] = [];
  const marks: Record<string, SentenceMark> = {};
  const unplaced: Unplaced[] = [];
  let moved = 0;

  const placeDecision = (key: string, decision: Decision): void => {
    const { start, category } = keyParts(key);
    const at = decision.anchor ? locate(decision.anchor, text, start) : undefined;
    const flag = at && byPlace.get(`${at.start}-${at.end}:${category}`);
    if (!flag) return void unplaced.push({ kind: 'decision', key, decision });
    const next = flagKey(flag);
    if (next !== key) moved++;
    decisions[next] = { ...decision, anchor: anchorAt(text, flag.start, flag.end) };
  };
  const placeAdded = (error: AddedError, decision: Decision | undefined): void => {
    const at = locate(error.anchor, text, error.start);
    if (!at) return void unplaced.push({ kind: 'added', error, ...(decision ? { decision } : {}) });
    if (at.start !== error.start) moved++;
    added.push({ ...error, ...at, anchor: anchorAt(text, at.start, at.end) });
    if (decision) decisions[addedKey(error.id)] = decision;
  };
  const placeMark = (key: string, mark: SentenceMark): void => {
    const same = analysis.sentences.filter((s) => s.text === mark.text);
    const s = same.sort((a, b) => Math.abs(a.index - Number(key)) - Math.abs(b.index - Number(key)))[0];
    if (!s) return void unplaced.push({ kind: 'mark', key, mark });
    if (String(s.index) !== key) moved++;
    marks[String(s.index)] = mark;
  };

  for (const [key, decision] of Object.entries(review.decisions)) if (!key.startsWith(ADDED_PREFIX)) placeDecision(key, decision);
  for (const error of review.added ?? []) placeAdded(error, review.decisions[addedKey(error.id)]);
  for (const [key, mark] of Object.entries(review.marks ?? {})) placeMark(key, mark);
  for (const u of review.unplaced ?? []) {
    if (u.kind === 'decision') placeDecision(u.key, u.decision);
    else if (u.kind === 'added') placeAdded(u.error, u.decision);
    else placeMark(u.key, u.mark);
  }
  const next: ReviewFile = {
    ...review,
    mtSha256: textHash(text),
    fingerprint: fingerprint(text),
    position: { sentence: Math.min(review.position.sentence, Math.max(0, analysis.sentences.length - 1)) },
    decisions,
    added,
    marks,
    unplaced,
  };
  return { review: next, unplaced, moved };
}

/** One line per unplaced item, for the app and the report. */
export function describeUnplaced(u: Unplaced): string {
  if (u.kind === 'decision') {
    const what = u.decision.anchor ? `"${u.decision.anchor.text}"` : `flag ${u.key}`;
    return `${u.decision.status} ${what} (${keyParts(u.key).category})`;
  }
  if (u.kind === 'added') return `added ${u.error.severity} ${u.error.category} "${u.error.anchor.text}"`;
  return `sentence marked ${u.mark.status === 'ok' ? 'OK' : 'needs rewrite'}: "${u.mark.text.slice(0, 60)}"`;
}
