import type { Analysis, Category, Flag, Severity } from '../core/types.js';
import { addedKey, flagKey, type Anchor, type Decision, type ReviewDecisions } from './file.js';

/** Characters of context kept on each side of a span to find it again in an edited text. */
export const ANCHOR_CONTEXT = 32;

export function anchorAt(text: string, start: number, end: number): Anchor {
  return { text: text.slice(start, end), before: text.slice(Math.max(0, start - ANCHOR_CONTEXT), start), after: text.slice(end, end + ANCHOR_CONTEXT) };
}

/** One error as the review stands: a flag (with the reviewer's changes) or an error the reviewer added. */
export interface ReviewedError {
  start: number;
  end: number;
  text: string;
  sentence: number;
  category: Category;
  severity: Severity;
  suggestion?: string;
  comment?: string;
  origin: 'mtdiff' | 'reviewer';
  /** accepted, or open (mtdiff's flag, not decided yet). Dismissed flags are not errors. */
  status: 'accepted' | 'open';
}

function sentenceOf(analysis: Analysis, offset: number): number {
  const s = analysis.sentences.find((x) => offset >= x.start && offset < x.end) ?? analysis.sentences.filter((x) => x.start <= offset).pop();
  return s?.index ?? 0;
}

function fromFlag(flag: Flag, decision: Decision | undefined): ReviewedError | undefined {
  if (decision?.status === 'dismissed') return undefined;
  const suggestion = decision?.suggestion ?? flag.suggestion;
  return {
    start: flag.start,
    end: flag.end,
    text: flag.text,
    sentence: flag.sentence,
    category: decision?.category ?? flag.category,
    severity: decision?.severity ?? flag.severity,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(decision?.comment ? { comment: decision.comment } : {}),
    origin: 'mtdiff',
    status: decision ? 'accepted' : 'open',
  };
}

/**
 * The errors after review, in document order: accepted and open flags with the reviewer's severity, category
 * and fix, and the reviewer's own errors; dismissed flags are left out.
 */
export function reviewedErrors(analysis: Analysis, review: ReviewDecisions | undefined, text?: string): ReviewedError[] {
  const out: ReviewedError[] = [];
  for (const f of analysis.flags) {
    const e = fromFlag(f, review?.decisions[flagKey(f)]);
    if (e) out.push(e);
  }
  for (const a of review?.added ?? []) {
    const d = review?.decisions[addedKey(a.id)];
    out.push({
      start: a.start,
      end: a.end,
      text: text?.slice(a.start, a.end) ?? a.anchor.text,
      sentence: sentenceOf(analysis, a.start),
      category: d?.category ?? a.category,
      severity: d?.severity ?? a.severity,
      ...(d?.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
      ...(d?.comment ? { comment: d.comment } : {}),
      origin: 'reviewer',
      status: 'accepted',
    });
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * A fix as it goes into the text: the span's own leading and trailing spaces are kept, so the fix "and
 * detainees" for " and prisoners" does not glue two words together.
 */
export function fitSpaces(span: string, fix: string): string {
  const core = fix.trim();
  if (core === '') return span.match(/^\s*/)![0] && span.match(/\s*$/)![0] ? ' ' : '';
  const lead = /^\s*/.exec(span)![0];
  const trail = /\s*$/.exec(span)![0];
  return `${lead}${core}${trail}`;
}
